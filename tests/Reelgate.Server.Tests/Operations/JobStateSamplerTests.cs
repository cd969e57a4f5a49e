using System.Diagnostics.Metrics;
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

    /// <summary>The real counts, each taking the given time of the fake clock.</summary>
    private sealed class SlowScan(IJobStatistics real, FakeTimeProvider clock, TimeSpan scanTakes, TimeSpan countTakes) : IJobStatistics
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

    [Fact]
    public async Task A_slow_scan_waits_fifty_times_its_duration_while_the_queue_is_counted_at_every_step()
    {
        using var app = new QueueOnlyApp();
        using var key = await app.CreateKeyAsync();
        var cancelled = (await Api.SubmitAsync(key.Client, Api.Body()))["job_id"]!.GetValue<string>();
        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{cancelled}/cancel", new System.Text.Json.Nodes.JsonObject())).Response.Dispose();
        await Api.SubmitAsync(key.Client, Api.Body());

        var clock = new FakeTimeProvider();
        var statistics = new SlowScan(app.Services.GetRequiredService<IJobStatistics>(), clock, TimeSpan.FromSeconds(1), TimeSpan.Zero);
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = meters.GetRequiredService<IMeterFactory>();
        using var metrics = new JobMetrics(meterFactory);
        using var sampler = new JobStateSampler(statistics, metrics, clock, NullLogger<JobStateSampler>.Instance);

        (await sampler.SampleAsync(Api.Token)).ShouldBe(JobStateSampler.Interval);
        statistics.Scans.ShouldBe(1);
        var first = Gauges(meterFactory);
        (first["queued"], first["cancelled"], first["completed"]).ShouldBe((1, 1, 0));

        // The scan ended at 1 s; 24 steps later (49 s) it is not due yet, and the queue's count moved on without it.
        var second = (await Api.SubmitAsync(key.Client, Api.Body()))["job_id"]!.GetValue<string>();
        (await Api.PostJsonAsync(key.Client, $"/v1/jobs/{second}/cancel", new System.Text.Json.Nodes.JsonObject())).Response.Dispose();
        await Api.SubmitAsync(key.Client, Api.Body());
        for (var step = 0; step < 24; step++)
        {
            clock.Advance(JobStateSampler.Interval);
            await sampler.SampleAsync(Api.Token);
        }

        statistics.Scans.ShouldBe(1);
        var before = Gauges(meterFactory);
        (before["queued"], before["cancelled"]).ShouldBe((2, 1));

        clock.Advance(JobStateSampler.Interval);
        await sampler.SampleAsync(Api.Token);
        statistics.Scans.ShouldBe(2);
        var after = Gauges(meterFactory);
        (after["queued"], after["cancelled"], after["processing"]).ShouldBe((2, 2, 0));
    }

    [Fact]
    public async Task A_queue_that_takes_long_to_count_is_counted_fifty_times_its_duration_apart()
    {
        using var app = new QueueOnlyApp();
        var clock = new FakeTimeProvider();
        var statistics = new SlowScan(
            app.Services.GetRequiredService<IJobStatistics>(), clock, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new JobMetrics(meters.GetRequiredService<IMeterFactory>());
        using var sampler = new JobStateSampler(statistics, metrics, clock, NullLogger<JobStateSampler>.Instance);

        (await sampler.SampleAsync(Api.Token)).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_fast_scan_runs_at_every_step()
    {
        using var app = new QueueOnlyApp();
        var clock = new FakeTimeProvider();
        var statistics = new FastScanCounter(app.Services.GetRequiredService<IJobStatistics>());
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var metrics = new JobMetrics(meters.GetRequiredService<IMeterFactory>());
        using var sampler = new JobStateSampler(statistics, metrics, clock, NullLogger<JobStateSampler>.Instance);

        for (var step = 0; step < 3; step++)
        {
            await sampler.SampleAsync(Api.Token);
            clock.Advance(JobStateSampler.Interval);
        }

        statistics.Scans.ShouldBe(3);
    }

    private sealed class FastScanCounter(IJobStatistics real) : IJobStatistics
    {
        public int Scans { get; private set; }

        public Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
        {
            Scans++;
            return real.CountByStatusAsync(cancellationToken);
        }

        public Task<IReadOnlyDictionary<JobStatus, long>> CountActiveAsync(CancellationToken cancellationToken) =>
            real.CountActiveAsync(cancellationToken);
    }

    /// <summary>What the "reelgate.jobs" gauge of this factory's meter reports now, by status.</summary>
    private static Dictionary<string, long> Gauges(IMeterFactory factory)
    {
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
}
