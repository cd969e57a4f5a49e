using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Workers;

/// <summary>
/// Keeps a running job's lease: writes the engine's latest progress every progress interval, renews the lease at
/// a third of its length, and stops the engine (fires the job's token) as soon as a write finds the job no longer
/// ours: cancelled by a user, maybe on another node, or the lease lost to another worker.
/// </summary>
public sealed class LeaseHeartbeat(IJobStore jobs, IOptions<WorkerOptions> options, TimeProvider time)
{
    private readonly WorkerOptions _options = options.Value;

    /// <summary>Beats until <paramref name="stop"/> fires (the render is over) or a write is refused.</summary>
    public async Task RunAsync(
        string jobId, string workerId, ProgressReporter progress, CancellationTokenSource jobToken, CancellationToken stop)
    {
        var renewEvery = _options.Lease / 3;
        var lastRenew = time.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(_options.ProgressInterval, time, stop);
                var ok = true;
                if (progress.TakeChange() is { } percent)
                {
                    ok = await jobs.ReportProgressAsync(jobId, workerId, percent, time.GetUtcNow(), stop);
                }

                if (ok && time.GetElapsedTime(lastRenew) >= renewEvery)
                {
                    ok = await jobs.RenewLeaseAsync(jobId, workerId, time.GetUtcNow() + _options.Lease, stop);
                    lastRenew = time.GetTimestamp();
                }

                if (!ok)
                {
                    // Cancelled by a user (maybe on another node) or the lease is lost: stop the engine now.
                    await jobToken.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The render finished.
        }
    }
}
