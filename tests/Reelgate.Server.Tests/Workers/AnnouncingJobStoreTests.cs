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
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var jobs = app.Services.GetRequiredService<IJobStore>();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));
        var worker = RunnerSteps.WorkerId;
        var now = app.Clock.GetUtcNow();

        await ShouldWakeAsync(app, job.Id, () => jobs.SaveCheckpointAsync(job.Id, worker, "local", null, now, Api.Token));
        await ShouldWakeAsync(app, job.Id, () => jobs.ReportProgressAsync(job.Id, worker, 40, now, Api.Token));
        await ShouldWakeAsync(app, job.Id, () => jobs.RenewLeaseAsync(job.Id, worker, now + TimeSpan.FromMinutes(5), Api.Token));
        var workSignal = app.Services.GetRequiredService<WorkSignal>().WaitAsync(Forever, app.Clock, Api.Token);
        await ShouldWakeAsync(app, job.Id, () => jobs.ReleaseAsync(job.Id, worker, JobRelease.HandBack(3), now, Api.Token));
        await workSignal.WaitAsync(TimeSpan.FromSeconds(30), Api.Token);
        await ShouldWakeAsync(app, job.Id, () => jobs.ClaimAsync(worker, now, TimeSpan.FromMinutes(5), 3, Api.Token));
        var result = new JobResult([], null, "local");
        await ShouldWakeAsync(app, job.Id, () => jobs.CompleteAsync(job.Id, worker, result, now, Api.Token));

        var (_, seen) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{job.Id}");
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
        using var app = new ApiOnlyApp();
        using var key = await app.CreateKeyAsync();
        var job = await RunnerSteps.SubmitAndClaimAsync(app, key, Api.Body("x", ("resolution", "360p")));
        var retention = app.Services.GetRequiredService<IRetentionStore>();

        await ShouldWakeAsync(app, job.Id, () => retention.MarkOutputsDeletedAsync(job.Id, app.Clock.GetUtcNow(), Api.Token));
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
