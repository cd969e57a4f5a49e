using System.Data.Common;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Server.Operations;

namespace Reelgate.Server.Workers;

/// <summary>
/// The worker slots of this process: each claims a job, runs it, and claims the next; idle slots wait
/// for a local submission or the poll interval. On shutdown no slot claims again; jobs in flight get the
/// shutdown grace to finish, then are handed back to the queue.
/// </summary>
public sealed partial class JobWorkerService(
    IJobStore jobs,
    JobRunner runner,
    WorkSignal signal,
    WorkerIdentity identity,
    WorkerHeartbeat heartbeat,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    private readonly WorkerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Count == 0)
        {
            LogApiOnly(logger);
            return;
        }

        using var drain = new CancellationTokenSource();
        await using var onStop = stoppingToken.Register(() => drain.CancelAfter(_options.ShutdownGrace));
        LogStarting(logger, _options.Count, identity.ProcessId);
        var slots = Enumerable.Range(0, _options.Count)
            .Select(slot => SlotAsync(slot, stoppingToken, drain.Token)).ToList();
        slots.Add(RescueAsync(stoppingToken));
        await Task.WhenAll(slots);
    }

    private async Task SlotAsync(int slot, CancellationToken stopping, CancellationToken drain)
    {
        var workerId = identity.ForSlot(slot);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                heartbeat.Beat();
                var job = await jobs.ClaimAsync(workerId, time.GetUtcNow(), _options.Lease, _options.MaxAttempts, stopping);
                if (job is null)
                {
                    await signal.WaitAsync(_options.PollInterval, time, stopping);
                    continue;
                }

                await runner.RunAsync(job, workerId, drain);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (DbException e)
            {
                LogStoreError(logger, e, workerId);
                await Task.Delay(_options.PollInterval, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The runner ends every job itself; whatever still comes here (a bug, a foreign cancellation) must not
                // stop the host with the other slots: the slot pauses and claims again.
                LogSlotError(logger, e, workerId);
                await Task.Delay(_options.PollInterval, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Fails jobs whose lease ran out after their last attempt (their workers died each time).</summary>
    private async Task RescueAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                foreach (var jobId in await jobs.FailExhaustedAsync(time.GetUtcNow(), _options.MaxAttempts, stopping))
                {
                    LogExhausted(logger, jobId, _options.MaxAttempts);
                }

                await Task.Delay(_options.Lease / 2, time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (DbException e)
            {
                LogStoreError(logger, e, identity.ProcessId);
                await Task.Delay(_options.PollInterval, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Workers are off (REELGATE_WORKERS=0): this process serves the API only")]
    private static partial void LogApiOnly(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Starting {Count} worker slots as {ProcessId}")]
    private static partial void LogStarting(ILogger logger, int count, string processId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Worker {WorkerId} could not reach the job store; retrying")]
    private static partial void LogStoreError(ILogger logger, Exception exception, string workerId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Worker {WorkerId} failed outside a job; it claims again")]
    private static partial void LogSlotError(ILogger logger, Exception exception, string workerId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning,
        Message = "Job {JobId} failed after {MaxAttempts} attempts whose workers stopped")]
    private static partial void LogExhausted(ILogger logger, string jobId, int maxAttempts);
}
