using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Tests.Workers;

/// <summary>
/// The heartbeat of a claimed job on the real SQLite store: progress written, lease renewed, the engine stopped when the job
/// is gone.
/// </summary>
public sealed class LeaseHeartbeatTests
{
    [Fact]
    public async Task Heartbeat_writes_the_latest_progress_and_renews_the_lease_when_the_job_is_ours()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var lease = app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Lease;
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")), lease);
        var jobs = app.Services.GetRequiredService<IJobStore>();
        var progress = new ProgressReporter();
        using var jobToken = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();

        var heartbeat = app.Services.GetRequiredService<LeaseHeartbeat>();
        var beating = heartbeat.RunAsync(job.Id, RunnerSteps.WorkerId, progress, jobToken, stop.Token);
        progress.Report(10);
        progress.Report(42);
        await RunnerSteps.UntilAsync(async () => (await jobs.GetAsync(job.Id, Api.Token))!.Progress == 42, "progress 42 written");
        await RunnerSteps.UntilAsync(
            async () => (await jobs.GetAsync(job.Id, Api.Token))!.LeaseExpiresAt > job.LeaseExpiresAt, "lease renewed");
        await stop.CancelAsync();
        await beating.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);

        jobToken.IsCancellationRequested.ShouldBeFalse();
        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
        (seen["status"]!.GetValue<string>(), seen["progress"]!.GetValue<int>()).ShouldBe(("processing", 42));
    }

    [Fact]
    public async Task Heartbeat_stops_the_engine_when_the_job_is_cancelled_meanwhile()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var progress = new ProgressReporter();
        using var jobToken = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var heartbeat = run.Service<LeaseHeartbeat>();
        var beating = heartbeat.RunAsync(run.Job.Id, RunnerSteps.WorkerId, progress, jobToken, stop.Token);

        await run.CancelAsync();
        progress.Report(30);
        await beating.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);

        jobToken.IsCancellationRequested.ShouldBeTrue();
        stop.IsCancellationRequested.ShouldBeFalse();
    }
}
