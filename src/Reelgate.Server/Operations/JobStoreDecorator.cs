using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Operations;

/// <summary>
/// A job store around another one: every call goes to the inner store unchanged, so a decorator (metrics, announcing)
/// overrides only the operations whose outcome it follows.
/// </summary>
public abstract class JobStoreDecorator(IJobStore inner) : IJobStore
{
    protected IJobStore Inner { get; } = inner;

    public virtual Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken) =>
        Inner.SubmitAsync(submission, cancellationToken);

    public virtual Task<SubmitOutcome?> PrecheckAsync(JobSubmission submission, CancellationToken cancellationToken) =>
        Inner.PrecheckAsync(submission, cancellationToken);

    public virtual Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) => Inner.GetAsync(jobId, cancellationToken);

    public virtual Task<Page<Job>?> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Inner.ListAsync(query, cancellationToken);

    public virtual Task<CancelOutcome> CancelAsync(string jobId, string keyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.CancelAsync(jobId, keyId, now, cancellationToken);

    public virtual Task<Job?> ClaimAsync(
        string workerId, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken) =>
        Inner.ClaimAsync(workerId, now, lease, maxAttempts, cancellationToken);

    public virtual Task<bool> RenewLeaseAsync(
        string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        Inner.RenewLeaseAsync(jobId, workerId, leaseExpiresAt, cancellationToken);

    public virtual Task<bool> ReportProgressAsync(
        string jobId, string workerId, int progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.ReportProgressAsync(jobId, workerId, progress, now, cancellationToken);

    public virtual Task<bool> SaveCheckpointAsync(
        string jobId, string workerId, string engine, string? checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.SaveCheckpointAsync(jobId, workerId, engine, checkpoint, now, cancellationToken);

    public virtual Task<bool> CompleteAsync(
        string jobId, string workerId, JobResult result, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.CompleteAsync(jobId, workerId, result, now, cancellationToken);

    public virtual Task<bool> FailAsync(
        string jobId, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.FailAsync(jobId, workerId, error, now, cancellationToken);

    public virtual Task<bool> ReleaseAsync(
        string jobId, string workerId, JobRelease release, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.ReleaseAsync(jobId, workerId, release, now, cancellationToken);

    public virtual Task<IReadOnlyList<string>> FailExhaustedAsync(
        DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken) =>
        Inner.FailExhaustedAsync(now, maxAttempts, cancellationToken);
}
