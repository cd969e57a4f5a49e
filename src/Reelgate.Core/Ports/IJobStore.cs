using Reelgate.Core.Jobs;

namespace Reelgate.Core.Ports;

/// <summary>
/// Durable jobs, their leases and the money they move. Every method is one atomic operation: a state
/// change and its ledger rows commit together, and every worker write-back checks the lease is still
/// the caller's (false means it is not: stop work, write nothing more).
/// </summary>
public interface IJobStore
{
    Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken);

    /// <summary>
    /// The cheap checks of a submission, read only and before any image is fetched: an idempotent replay (or
    /// conflict), the key's limits and its balance. Null when <see cref="SubmitAsync"/> would accept it now
    /// (which checks all again, atomically).
    /// </summary>
    Task<SubmitOutcome?> PrecheckAsync(JobSubmission submission, CancellationToken cancellationToken);

    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The key's jobs, newest first. An <c>after</c> that is not one of the key's jobs gives null.</summary>
    Task<Page<Job>?> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Queued or processing → cancelled, hold released. Another key's job is not found.</summary>
    Task<CancelOutcome> CancelAsync(string jobId, string keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a job that is queued (and past its back-off), or processing under an expired lease, and has attempts
    /// left; sets the owner, the lease expiry and counts the attempt. Fair between keys: of the keys with such
    /// work, the one with the fewest jobs processing for its weight goes first (ties: the oldest waiting job),
    /// and its oldest job is taken.
    /// </summary>
    Task<Job?> ClaimAsync(string workerId, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken);

    Task<bool> RenewLeaseAsync(string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken);

    Task<bool> ReportProgressAsync(string jobId, string workerId, int progress, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the engine and its checkpoint (an upstream job id) before anything else happens.</summary>
    Task<bool> SaveCheckpointAsync(
        string jobId, string workerId, string engine, string? checkpoint, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Processing → completed, and the hold becomes a charge.</summary>
    Task<bool> CompleteAsync(string jobId, string workerId, JobResult result, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Processing → failed, and the hold is released.</summary>
    Task<bool> FailAsync(string jobId, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Processing → queued again (shutdown or a retryable fault), as <paramref name="release"/> says.</summary>
    Task<bool> ReleaseAsync(string jobId, string workerId, JobRelease release, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Fails the jobs whose lease ran out after their last attempt, releasing their holds; returns their ids.</summary>
    Task<IReadOnlyList<string>> FailExhaustedAsync(DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken);
}
