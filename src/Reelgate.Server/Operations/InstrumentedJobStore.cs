using System.Diagnostics;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Operations;

/// <summary>
/// The job store, observed: every accepted submission and every final state is counted and traced in the
/// job's trace; a worker's claim, checkpoint and completion writes are timed as job steps (<see cref="JobStep"/>). The
/// store's behaviour is unchanged; a final state is read back once to measure it. (Announcing
/// changes to this process's listeners is <see cref="Workers.AnnouncingJobStore"/>'s part.)
/// </summary>
public sealed class InstrumentedJobStore(IJobStore inner, JobMetrics metrics, TimeProvider time) : JobStoreDecorator(inner)
{
    public override async Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        using var span = JobTracing.StartSubmitted(submission.Job.Id);
        var outcome = await Inner.SubmitAsync(submission, cancellationToken);
        span?.SetTag("reelgate.outcome", outcome.GetType().Name);
        if (outcome is SubmitOutcome.Accepted accepted)
        {
            metrics.Submitted(accepted.Job);
        }

        return outcome;
    }

    public override async Task<CancelOutcome> CancelAsync(
        string jobId, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcome = await Inner.CancelAsync(jobId, keyId, now, cancellationToken);
        if (outcome is CancelOutcome.Cancelled cancelled)
        {
            Finished(cancelled.Job, "job.cancelled");
        }

        return outcome;
    }

    public override async Task<Job?> ClaimAsync(
        string workerId, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var job = await Inner.ClaimAsync(workerId, now, lease, maxAttempts, cancellationToken);
        if (job is not null)
        {
            metrics.Step(JobStep.Claim, time.GetElapsedTime(started));
            using var span = JobTracing.StartChild(job.Id, "job.claim", ActivityKind.Consumer);
            span?.SetTag("reelgate.attempt", job.Attempts);
            span?.SetTag("reelgate.worker", workerId);
        }

        return job;
    }

    public override async Task<bool> SaveCheckpointAsync(
        string jobId, string workerId, string engine, string? checkpoint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var saved = await Inner.SaveCheckpointAsync(jobId, workerId, engine, checkpoint, now, cancellationToken);
        metrics.Step(JobStep.Checkpoint, time.GetElapsedTime(started));
        return saved;
    }

    public override async Task<bool> CompleteAsync(
        string jobId, string workerId, JobResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var completed = await Inner.CompleteAsync(jobId, workerId, result, now, cancellationToken);
        metrics.Step(JobStep.Complete, time.GetElapsedTime(started));
        if (completed)
        {
            await FinishedAsync(jobId, "job.completed");
        }

        return completed;
    }

    public override async Task<bool> FailAsync(
        string jobId, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failed = await Inner.FailAsync(jobId, workerId, error, now, cancellationToken);
        if (failed)
        {
            await FinishedAsync(jobId, "job.failed");
        }

        return failed;
    }

    public override async Task<IReadOnlyList<string>> FailExhaustedAsync(
        DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        var failed = await Inner.FailExhaustedAsync(now, maxAttempts, cancellationToken);
        foreach (var jobId in failed)
        {
            await FinishedAsync(jobId, "job.failed");
        }

        return failed;
    }

    private async Task FinishedAsync(string jobId, string spanName)
    {
        // Read back outside the caller's token: the state is already committed and must be counted.
        if (await Inner.GetAsync(jobId, CancellationToken.None) is { } job)
        {
            Finished(job, spanName);
        }
    }

    private void Finished(Job job, string spanName)
    {
        metrics.Finished(job);
        using var span = JobTracing.StartChild(job.Id, spanName);
        span?.SetTag("reelgate.status", job.Status.ToWire());
        span?.SetTag("reelgate.engine", job.Result?.Engine ?? job.Engine);
        if (job.Error is { } error)
        {
            span?.SetStatus(ActivityStatusCode.Error, error.Code);
        }
    }
}
