using System.Data.Common;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Retention;

/// <summary>
/// Deletes stored files past their retention (Reelgate:OutputRetention, 7 days, matching expires_at): a
/// job's outputs and inputs, and uploads. The job keeps its record and says its outputs expired; its URLs
/// answer 410. Disk use stays bounded however long the server runs.
/// </summary>
public sealed partial class RetentionSweeper(
    IRetentionStore retention,
    IBlobStore blobs,
    IOptions<ReelgateOptions> server,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or IOException)
            {
                LogSweepFailed(logger, e);
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>One pass: everything that expired by now, in batches.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now - server.Value.OutputRetention;
        IReadOnlyList<string> jobs;
        do
        {
            jobs = await retention.ListExpiredJobsAsync(cutoff, Batch, cancellationToken);
            foreach (var jobId in jobs)
            {
                await blobs.DeletePrefixAsync($"outputs/{jobId}/", cancellationToken);
                await blobs.DeletePrefixAsync($"inputs/{jobId}/", cancellationToken);
                await retention.MarkOutputsDeletedAsync(jobId, now, cancellationToken);
            }

            if (jobs.Count > 0)
            {
                LogJobsSwept(logger, jobs.Count);
            }
        }
        while (jobs.Count == Batch);

        // Every expired upload, batch after batch: a key that uploads faster than one batch a sweep must not outgrow the disk.
        IReadOnlyList<Core.Uploads.Upload> uploads;
        do
        {
            uploads = await retention.ListExpiredUploadsAsync(cutoff, Batch, cancellationToken);
            foreach (var upload in uploads)
            {
                await blobs.DeleteAsync(upload.BlobKey, cancellationToken);
                await retention.DeleteUploadAsync(upload.Id, cancellationToken);
            }

            if (uploads.Count > 0)
            {
                LogUploadsSwept(logger, uploads.Count);
            }
        }
        while (uploads.Count == Batch);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Retention deleted the files of {Count} jobs")]
    private static partial void LogJobsSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Retention deleted {Count} uploads")]
    private static partial void LogUploadsSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "The retention sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
