using Reelgate.Bench.Hosting;

namespace Reelgate.Bench.Suites;

/// <summary>
/// Pushes real jobs through one server: keeps <c>inFlight</c> jobs submitted and not yet final (so the
/// workers never wait for work), reads each of them every 200 ms until it is final, and stops submitting at
/// the job count or when the time budget is spent; then waits for what is in flight. Completions are
/// counted in <see cref="Completed"/> as they happen, for the memory sampler.
/// </summary>
internal sealed class SoakDriver(ReelgateApi api, int inFlight)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly List<string> _completedIds = [];
    private readonly List<string> _failures = [];
    private readonly List<TimeSpan> _completionTimes = [];
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private int _completed;

    public int Submitted { get; private set; }

    /// <summary>Jobs completed so far (read by the sampler while the driver runs).</summary>
    public int Completed => Volatile.Read(ref _completed);

    public IReadOnlyList<string> CompletedIds => _completedIds;

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>When each job completed, from the driver's start.</summary>
    public IReadOnlyList<TimeSpan> CompletionTimes => _completionTimes;

    /// <summary>True when submitting stopped because the budget was spent before the job count.</summary>
    public bool StoppedByBudget { get; private set; }

    /// <param name="jobs">Jobs to submit in all.</param>
    /// <param name="budget">No submission after this long (null: none); jobs in flight still finish.</param>
    /// <param name="cancellationToken">Stops the driver.</param>
    public async Task RunAsync(int jobs, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var pending = new List<string>();
        while (true)
        {
            var overBudget = budget is { } b && TimeProvider.System.GetElapsedTime(_started) >= b;
            while (pending.Count < inFlight && Submitted < jobs && !overBudget)
            {
                var json = await api.SubmitAsync(ReelgateApi.CheapJobBody(seed: 1000 + Submitted), cancellationToken);
                pending.Add(ReelgateApi.JobId(json));
                Submitted++;
            }

            StoppedByBudget = overBudget && Submitted < jobs;
            if (pending.Count == 0)
            {
                return;
            }

            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken);
            foreach (var id in pending.ToList())
            {
                using var job = await api.GetJobAsync(id, cancellationToken);
                var status = job.RootElement.GetProperty("status").GetString();
                if (status is "queued" or "processing")
                {
                    continue;
                }

                pending.Remove(id);
                if (status == "completed")
                {
                    _completedIds.Add(id);
                    _completionTimes.Add(TimeProvider.System.GetElapsedTime(_started));
                    Interlocked.Increment(ref _completed);
                }
                else
                {
                    _failures.Add($"{id}: {status}: {job.RootElement.GetProperty("error")}");
                }
            }
        }
    }

    /// <summary>Completions per second between the first and the last completion (the ramp-up left out).</summary>
    public double Rate()
    {
        if (_completionTimes.Count < 2)
        {
            return double.NaN;
        }

        return (_completionTimes.Count - 1) / (_completionTimes[^1] - _completionTimes[0]).TotalSeconds;
    }
}
