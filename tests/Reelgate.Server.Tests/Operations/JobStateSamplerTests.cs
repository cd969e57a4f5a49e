using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Operations;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Operations;

/// <summary>
/// The gauges of jobs per state over the app's real SQLite file. The scan of the whole table is made to take one
/// second of a fake clock, as it does at a few hundred thousand jobs: it must not run again until fifty seconds have
/// passed, while the queue's count (from its index) is read at every step.
/// </summary>
public sealed class JobStateSamplerTests
{
    private sealed class QueueOnlyApp : ReelgateApp
    {
        protected override int Workers => 0;
    }

    /// <summary>The app's real counts, each taking the given time of the fake clock.</summary>
    private sealed class TimedCounts(IJobStatistics real, FakeTimeProvider clock, TimeSpan scanTakes, TimeSpan countTakes)
        : IJobStatistics
    {
        public int Scans { get; private set; }

        public async Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
        {
            var counts = await real.CountByStatusAsync(cancellationToken);
            clock.Advance(scanTakes);
            Scans++;
            return counts;
        }

        public async Task<IReadOnlyDictionary<JobStatus, long>> CountActiveAsync(CancellationToken cancellationToken)
        {
            var counts = await real.CountActiveAsync(cancellationToken);
            clock.Advance(countTakes);
            return counts;
        }
    }

    /// <summary>A sampler of its own (clock, meter and gauges) over the app's statistics.</summary>
    private sealed class Sampling : IDisposable
    {
        private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        private readonly JobMetrics _metrics;

        public Sampling(ReelgateApp app, TimeSpan scanTakes, TimeSpan countTakes)
        {
            Counts = new TimedCounts(app.Services.GetRequiredService<IJobStatistics>(), Clock, scanTakes, countTakes);
            _metrics = new JobMetrics(_meters.GetRequiredService<IMeterFactory>());
            Sampler = new JobStateSampler(Counts, _metrics, Clock, NullLogger<JobStateSampler>.Instance);
        }

        public FakeTimeProvider Clock { get; } = new();

        public TimedCounts Counts { get; }

        public JobStateSampler Sampler { get; }

        /// <summary>What the "reelgate.jobs" gauge of this sampling's meter reports now, by status.</summary>
        public Dictionary<string, long> Gauges()
        {
            var factory = _meters.GetRequiredService<IMeterFactory>();
            var values = new Dictionary<string, long>();
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "reelgate.jobs")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) => values[(string)tags[0].Value!] = value);
            listener.Start();
            listener.RecordObservableInstruments();
            return values;
        }

        public void Dispose()
        {
            Sampler.Dispose();
            _metrics.Dispose();
            _meters.Dispose();
        }
    }

    [Fact]
    public async Task A_slow_scan_waits_250_times_its_duration_while_the_queue_is_counted_at_every_step()
    {
        using var app = new QueueOnlyApp();
        using var key = await app.CreateKeyAsync();
        await SubmitAndCancelAsync(key);
        await Api.SubmitAsync(key.Client, Api.Body());
        using var sampling = new Sampling(app, scanTakes: TimeSpan.FromSeconds(1), countTakes: TimeSpan.Zero);

        // The first slow scan alone does not space the next (it may be a cold start); the second confirms it.
        (await sampling.Sampler.SampleAsync(Api.Token)).ShouldBe(JobStateSampler.Interval);
        sampling.Clock.Advance(JobStateSampler.Interval);
        (await sampling.Sampler.SampleAsync(Api.Token)).ShouldBe(JobStateSampler.Interval);
        sampling.Counts.Scans.ShouldBe(2);
        var first = sampling.Gauges();
        (first["queued"], first["cancelled"], first["completed"]).ShouldBe((1, 1, 0));

        // The second scan ended at 4 s and is due ScanSpacing seconds later; one step before that it is not due yet, and
        // the queue's count moved on without it.
        await SubmitAndCancelAsync(key);
        await Api.SubmitAsync(key.Client, Api.Body());
        var stepsBeforeDue = (JobStateSampler.ScanSpacing / (int)JobStateSampler.Interval.TotalSeconds) - 1;
        for (var step = 0; step < stepsBeforeDue; step++)
        {
            sampling.Clock.Advance(JobStateSampler.Interval);
            await sampling.Sampler.SampleAsync(Api.Token);
        }

        sampling.Counts.Scans.ShouldBe(2);
        var before = sampling.Gauges();
        (before["queued"], before["cancelled"]).ShouldBe((2, 1));

        sampling.Clock.Advance(JobStateSampler.Interval);
        await sampling.Sampler.SampleAsync(Api.Token);
        sampling.Counts.Scans.ShouldBe(3);
        var after = sampling.Gauges();
        (after["queued"], after["cancelled"], after["processing"]).ShouldBe((2, 2, 0));
    }

    [Fact]
    public async Task A_queue_that_takes_long_to_count_is_counted_fifty_times_its_duration_apart()
    {
        using var app = new QueueOnlyApp();
        using var sampling = new Sampling(app, scanTakes: TimeSpan.Zero, countTakes: TimeSpan.FromMilliseconds(200));

        (await sampling.Sampler.SampleAsync(Api.Token)).ShouldBe(JobStateSampler.Interval);
        (await sampling.Sampler.SampleAsync(Api.Token)).ShouldBe(TimeSpan.FromMilliseconds(200) * JobStateSampler.CountSpacing);
    }

    [Fact]
    public async Task A_fast_scan_runs_at_every_step()
    {
        using var app = new QueueOnlyApp();
        using var sampling = new Sampling(app, scanTakes: TimeSpan.Zero, countTakes: TimeSpan.Zero);

        for (var step = 0; step < 3; step++)
        {
            await sampling.Sampler.SampleAsync(Api.Token);
            sampling.Clock.Advance(JobStateSampler.Interval);
        }

        sampling.Counts.Scans.ShouldBe(3);
    }

    private static async Task SubmitAndCancelAsync(TestKey key)
    {
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body()))["job_id"]!.GetValue<string>();
        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject())).Response.Dispose();
    }
}
