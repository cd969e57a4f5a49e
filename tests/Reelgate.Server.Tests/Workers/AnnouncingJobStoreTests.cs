using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Tests.Workers;

/// <summary>
/// Every change of a job made through the app's stores (the announcing decorators over a real SQLite file) wakes a listener
/// of that job's changes at once (an event stream, a cache), and a job that can be claimed now wakes an idle worker slot.
/// A listener waits an hour here: one that is woken was woken by the change.
/// </summary>
public sealed class AnnouncingJobStoreTests
{
    private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

    [Fact]
    public async Task Submit_wakes_an_idle_worker_slot_when_the_job_is_accepted()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var woken = app.Services.GetRequiredService<WorkSignal>().WaitAsync(Forever, app.Clock, Api.Token);

        await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p")));

        await woken.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);
    }

    [Fact]
    public async Task Each_worker_write_wakes_the_jobs_listeners_when_the_store_confirms_it()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var jobs = run.Service<IJobStore>();
        var worker = RunnerSteps.WorkerId;
        var now = run.App.Clock.GetUtcNow();

        await ShouldWakeAsync(run.App, run.Job.Id, () => jobs.SaveCheckpointAsync(run.Job.Id, worker, "local", null, now, Api.Token));
        await ShouldWakeAsync(run.App, run.Job.Id, () => jobs.ReportProgressAsync(run.Job.Id, worker, 40, now, Api.Token));
        await ShouldWakeAsync(
            run.App, run.Job.Id, () => jobs.RenewLeaseAsync(run.Job.Id, worker, now + TimeSpan.FromMinutes(5), Api.Token));
        var workSignal = run.Service<WorkSignal>().WaitAsync(Forever, run.App.Clock, Api.Token);
        await ShouldWakeAsync(run.App, run.Job.Id, () => jobs.ReleaseAsync(run.Job.Id, worker, JobRelease.HandBack(3), now, Api.Token));
        await workSignal.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);
        await ShouldWakeAsync(run.App, run.Job.Id, () => jobs.ClaimAsync(worker, now, TimeSpan.FromMinutes(5), 3, Api.Token));
        var result = new JobResult([], null, "local");
        await ShouldWakeAsync(run.App, run.Job.Id, () => jobs.CompleteAsync(run.Job.Id, worker, result, now, Api.Token));

        var (_, seen) = await run.GetJobAsync();
        seen["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Fail_and_the_rescue_of_an_exhausted_job_wake_the_jobs_listeners()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var jobs = app.Services.GetRequiredService<IJobStore>();
        var failed = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));
        await ShouldWakeAsync(app, failed.Id, () =>
            jobs.FailAsync(failed.Id, RunnerSteps.WorkerId, new JobError("engine_error", "broken"), app.Clock.GetUtcNow(), Api.Token));

        var exhausted = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("y", ("resolution", "360p")), TimeSpan.FromSeconds(1));
        var later = app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        await ShouldWakeAsync(app, exhausted.Id, async () => (await jobs.FailExhaustedAsync(later, 1, Api.Token)).ShouldBe([exhausted.Id]));
    }

    [Fact]
    public async Task Cancel_through_the_api_wakes_an_event_stream_listener_at_once()
    {
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"))))["job_id"]!.GetValue<string>();

        await ShouldWakeAsync(app, jobId, () => RunnerSteps.CancelAsync(key, jobId));
    }

    [Fact]
    public async Task Deleting_a_jobs_stored_files_wakes_the_jobs_listeners()
    {
        using var run = await ClaimedJobApp.StartAsync();
        var retention = run.Service<IRetentionStore>();

        await ShouldWakeAsync(
            run.App, run.Job.Id, () => retention.MarkOutputsDeletedAsync(run.Job.Id, run.App.Clock.GetUtcNow(), Api.Token));
    }

    /// <summary>
    /// Starts a wait on the job's changes, makes the change, and fails unless the wait ends (it would take an hour on its own).
    /// </summary>
    private static async Task ShouldWakeAsync(ApiOnlyApp app, string jobId, Func<Task> change)
    {
        var feed = app.Services.GetRequiredService<JobChangeFeed>();
        var woken = feed.WaitAsync(jobId, Forever, Api.Token);
        await change();
        await woken.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);
        feed.Waiting.ShouldBe(0);
    }
}
