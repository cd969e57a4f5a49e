using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Workers;

/// <summary>
/// Runs one claimed job through its steps: inputs to local files (<see cref="InputStaging"/>), the engines in
/// turn (<see cref="EngineFallback"/>), outputs probed and stored and the job completed (<see cref="OutputStore"/>),
/// or another ending (<see cref="FailureRules"/>). While it runs, a <see cref="LeaseHeartbeat"/> renews the lease
/// and writes progress; a lost lease, a cancel, the engine's time limit or the end of the shutdown grace stops the
/// engine at once. Nothing a job does escapes this method: its worker slot goes on to the next job.
/// </summary>
public sealed partial class JobRunner(
    InputStaging staging,
    EngineFallback fallback,
    OutputStore outputs,
    FailureRules failures,
    LeaseHeartbeat heartbeats,
    JobCancellations running,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    /// <param name="job">The job as claimed.</param>
    /// <param name="workerId">The lease owner.</param>
    /// <param name="drain">Fires when the process stops and the shutdown grace has run out: the job goes back to the queue.</param>
    public async Task RunAsync(Job job, string workerId, CancellationToken drain)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id, ["Attempt"] = job.Attempts });
        using var jobToken = CancellationTokenSource.CreateLinkedTokenSource(drain);
        using var deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        await using var onDeadline = deadline.Token.Register(jobToken.Cancel);
        using var heartbeatStop = new CancellationTokenSource();
        running.Register(job.Id, jobToken);
        var progress = new ProgressReporter();
        var heartbeat = heartbeats.RunAsync(job.Id, workerId, progress, jobToken, heartbeatStop.Token);
        LogStarted(logger, job.Id, job.Attempts, workerId);
        IVideoEngine? current = null;
        LeaseCheckpoint? currentCheckpoint = null;
        string? workDirectory = null;
        try
        {
            workDirectory = staging.CreateWorkDirectory(job);
            var engines = fallback.PickEngines(job);
            if (engines.Count == 0)
            {
                await StopAsync(heartbeatStop, heartbeat);
                await failures.EngineGoneAsync(job, workerId);
                return;
            }

            var inputs = await staging.StageAsync(job, workDirectory, jobToken.Token);
            var rendered = await fallback.RenderAsync(job, workerId, engines, inputs, workDirectory, progress, (engine, checkpoint) =>
            {
                (current, currentCheckpoint) = (engine, checkpoint);
                deadline.CancelAfter(engine.TimeLimit(job.Request));
            }, jobToken.Token);

            // The heartbeat keeps the lease through probing, storing and the final write (the finally stops it).
            switch (rendered)
            {
                case null:
                    LogStopped(logger, job.Id);
                    break;
                case ({ } engine, RenderOutcome.Rendered video):
                    if (!await outputs.CompleteAsync(job, workerId, engine.Name, video, jobToken.Token))
                    {
                        LogStopped(logger, job.Id);
                    }

                    break;
                case (_, RenderOutcome.Failed failed):
                    await failures.FailedAsync(job, workerId, failed);
                    break;
            }
        }
        catch (OperationCanceledException) when (jobToken.IsCancellationRequested)
        {
            if (drain.IsCancellationRequested)
            {
                await failures.HandBackAsync(job, workerId);
            }
            else if (deadline.IsCancellationRequested)
            {
                await StopAsync(heartbeatStop, heartbeat);
                await failures.OverTimeAsync(job, workerId, current, currentCheckpoint?.Saved);
            }
            else
            {
                LogStopped(logger, job.Id);
                await failures.AbandonIfCancelledAsync(job.Id, current, currentCheckpoint?.Saved);
            }
        }
        catch (Exception e)
        {
            // Any other exception, an OperationCanceledException that is not the job's own among them (an SDK's
            // HttpClient timeout): the attempt crashed, and the failure rules say what comes next.
            await failures.CrashedAsync(job, workerId, e);
        }
        finally
        {
            await StopAsync(heartbeatStop, heartbeat);
            running.Unregister(job.Id);
            if (workDirectory is not null)
            {
                InputStaging.Clean(workDirectory);
            }
        }
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }

        await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job {JobId} started (attempt {Attempt}) by {WorkerId}")]
    private static partial void LogStarted(ILogger logger, string jobId, int attempt, string workerId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Job {JobId} stopped: cancelled, or its lease was lost")]
    private static partial void LogStopped(ILogger logger, string jobId);
}
