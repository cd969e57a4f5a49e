using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Operations;
using Reelgate.Server.Webhooks;

namespace Reelgate.Server.Workers;

/// <summary>
/// The job store, announcing: after every write of a job the store confirms, the job's listeners in this process
/// hear of it (<see cref="JobChangeFeed"/>: server-sent events, caches); a job that can be claimed now wakes an
/// idle worker slot (<see cref="WorkSignal"/>); a final state, whose webhook event the store put in the outbox in
/// the same transaction, wakes the webhook sender (<see cref="WebhookSignal"/>). Call sites announce nothing
/// themselves. Changes committed on other nodes arrive through <see cref="IJobChangeObserver"/> instead.
/// </summary>
public sealed class AnnouncingJobStore(IJobStore inner, JobChangeFeed changes, WorkSignal work, WebhookSignal webhooks)
    : JobStoreDecorator(inner)
{
    public override async Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var outcome = await Inner.SubmitAsync(submission, cancellationToken);
        if (outcome is SubmitOutcome.Accepted accepted)
        {
            work.Pulse();
            changes.Notify(accepted.Job.Id);
        }

        return outcome;
    }

    public override async Task<CancelOutcome> CancelAsync(
        string jobId, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await Inner.CancelAsync(jobId, keyId, now, cancellationToken);
        Finished(jobId, outcome is CancelOutcome.Cancelled);
        return outcome;
    }

    public override async Task<Job?> ClaimAsync(
        string workerId, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        var job = await Inner.ClaimAsync(workerId, now, lease, maxAttempts, cancellationToken);
        if (job is not null)
        {
            changes.Notify(job.Id);
        }

        return job;
    }

    public override async Task<bool> RenewLeaseAsync(
        string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        Changed(jobId, await Inner.RenewLeaseAsync(jobId, workerId, leaseExpiresAt, cancellationToken));

    public override async Task<bool> ReportProgressAsync(
        string jobId, string workerId, int progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        Changed(jobId, await Inner.ReportProgressAsync(jobId, workerId, progress, now, cancellationToken));

    public override async Task<bool> SaveCheckpointAsync(
        string jobId, string workerId, string engine, string? checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
        Changed(jobId, await Inner.SaveCheckpointAsync(jobId, workerId, engine, checkpoint, now, cancellationToken));

    public override async Task<bool> CompleteAsync(
        string jobId, string workerId, JobResult result, DateTimeOffset now, CancellationToken cancellationToken) =>
        Finished(jobId, await Inner.CompleteAsync(jobId, workerId, result, now, cancellationToken));

    public override async Task<bool> FailAsync(
        string jobId, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        Finished(jobId, await Inner.FailAsync(jobId, workerId, error, now, cancellationToken));

    public override async Task<bool> ReleaseAsync(
        string jobId, string workerId, JobRelease release, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var released = await Inner.ReleaseAsync(jobId, workerId, release, now, cancellationToken);
        if (released && release.RetryAt is null)
        {
            // Queued again for a claim now (a hand-back); a retry waiting out its back-off is found by a later poll.
            work.Pulse();
        }

        return Changed(jobId, released);
    }

    public override async Task<IReadOnlyList<string>> FailExhaustedAsync(
        DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        var failed = await Inner.FailExhaustedAsync(now, maxAttempts, cancellationToken);
        foreach (var jobId in failed)
        {
            Finished(jobId, true);
        }

        return failed;
    }

    private bool Changed(string jobId, bool changed)
    {
        if (changed)
        {
            changes.Notify(jobId);
        }

        return changed;
    }

    /// <summary>A final state: its webhook event is in the outbox, so the sender is woken too.</summary>
    private bool Finished(string jobId, bool finished)
    {
        if (finished)
        {
            webhooks.Pulse();
        }

        return Changed(jobId, finished);
    }
}
