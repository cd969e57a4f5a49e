using Reelgate.Core.Uploads;

namespace Reelgate.Core.Ports;

/// <summary>What the retention sweeper needs: jobs and uploads past their retention, and marking them swept.</summary>
public interface IRetentionStore
{
    /// <summary>Final jobs that ended before the cutoff and still have stored files.</summary>
    Task<IReadOnlyList<string>> ListExpiredJobsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    Task MarkOutputsDeletedAsync(string jobId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Upload>> ListExpiredUploadsAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    Task DeleteUploadAsync(string uploadId, CancellationToken cancellationToken);
}
