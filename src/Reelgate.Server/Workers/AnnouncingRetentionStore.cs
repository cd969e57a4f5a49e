using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;

namespace Reelgate.Server.Workers;

/// <summary>
/// The retention store, announcing like <see cref="AnnouncingJobStore"/>: a job whose stored files were deleted
/// (by the sweeper or a user's delete) has changed, and its listeners in this process hear of it.
/// </summary>
public sealed class AnnouncingRetentionStore(IRetentionStore inner, JobChangeFeed changes) : IRetentionStore
{
    public Task<IReadOnlyList<string>> ListExpiredJobsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.ListExpiredJobsAsync(cutoff, limit, cancellationToken);

    public async Task MarkOutputsDeletedAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await inner.MarkOutputsDeletedAsync(jobId, now, cancellationToken);
        changes.Notify(jobId);
    }

    public Task<IReadOnlyList<Upload>> ListExpiredUploadsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        inner.ListExpiredUploadsAsync(cutoff, limit, cancellationToken);

    public Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken) =>
        inner.DeleteUploadAsync(uploadId, cancellationToken);
}
