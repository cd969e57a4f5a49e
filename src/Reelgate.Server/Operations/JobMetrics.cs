using System.Diagnostics.Metrics;
using Reelgate.Core.Jobs;

namespace Reelgate.Server.Operations;

/// <summary>
/// The "Reelgate.Jobs" meter: submissions, final states, job and render latency, money moved, and the
/// current number of jobs in each state (sampled from the database, so every node reports the whole queue), and
/// the time a worker spends in each step of a job (<see cref="JobStep"/>), so that what is not rendering is visible.
/// </summary>
public sealed class JobMetrics : IDisposable
{
    public const string MeterName = "Reelgate.Jobs";
    private readonly Meter _meter;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _jobSeconds;
    private readonly Histogram<double> _renderSeconds;
    private readonly Histogram<double> _stepSeconds;
    private readonly Counter<long> _chargedMicros;
    private readonly Counter<long> _releasedMicros;
    private IReadOnlyDictionary<JobStatus, long> _states = Enum.GetValues<JobStatus>().ToDictionary(s => s, _ => 0L);

    public JobMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _submitted = _meter.CreateCounter<long>("reelgate.jobs.submitted", "{job}", "Jobs accepted");
        _finished = _meter.CreateCounter<long>("reelgate.jobs.finished", "{job}", "Jobs that reached a final state");
        _jobSeconds = _meter.CreateHistogram<double>("reelgate.job.duration", "s", "From submission to the final state");
        _renderSeconds = _meter.CreateHistogram<double>("reelgate.render.duration", "s", "From start of the last attempt to completion");
        _stepSeconds = _meter.CreateHistogram<double>(
            "reelgate.job.step.duration", "s", "Time a worker spent in one step of a job (claim, stage, checkpoint, render, probe, ...)");
        _chargedMicros = _meter.CreateCounter<long>("reelgate.ledger.charged", "{microdollar}", "Money charged for completed jobs");
        _releasedMicros = _meter.CreateCounter<long>(
            "reelgate.ledger.released", "{microdollar}", "Holds given back for failed or cancelled jobs");
        _meter.CreateObservableGauge("reelgate.jobs", ObserveStates, "{job}", "Jobs in each state");
        _meter.CreateObservableGauge("reelgate.queue.depth", () => _states[JobStatus.Queued], "{job}", "Jobs waiting for a worker");
    }

    public void Submitted(Job job) =>
        _submitted.Add(1, new("model", job.Request.Model), new("resolution", job.Request.Resolution));

    public void Finished(Job job)
    {
        var status = job.Status.ToWire();
        var engine = job.Result?.Engine ?? job.Engine ?? "none";
        _finished.Add(1, new("status", status), new("engine", engine));
        if (job.CompletedAt is { } end)
        {
            _jobSeconds.Record((end - job.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("status", status));
            if (job.Status == JobStatus.Completed && job.StartedAt is { } start)
            {
                _renderSeconds.Record((end - start).TotalSeconds, new KeyValuePair<string, object?>("engine", engine));
            }
        }

        if (job.Status == JobStatus.Completed)
        {
            _chargedMicros.Add(job.Price.Micros, new KeyValuePair<string, object?>("model", job.Request.Model));
        }
        else
        {
            _releasedMicros.Add(job.Price.Micros, new KeyValuePair<string, object?>("model", job.Request.Model));
        }
    }

    /// <summary>Records one step of a job: <paramref name="step"/> is one of <see cref="JobStep"/>'s names.</summary>
    public void Step(string step, TimeSpan elapsed) =>
        _stepSeconds.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("step", step));

    public void UpdateStates(IReadOnlyDictionary<JobStatus, long> states) => _states = states;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveStates() =>
        _states.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("status", pair.Key.ToWire())));
}
