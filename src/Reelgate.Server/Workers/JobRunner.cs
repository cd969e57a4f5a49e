using System.Globalization;
using Microsoft.Extensions.Options;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Workers;

/// <summary>
/// Runs one claimed job: inputs to local files, the engine, outputs probed and stored, the final state
/// written under the lease. While it runs, a heartbeat renews the lease and writes progress; a lost lease
/// or a cancel stops the engine at once.
/// </summary>
public sealed partial class JobRunner(
    IJobStore jobs,
    IBlobStore blobs,
    EngineRouter router,
    ModelCatalog catalog,
    IMediaProbe probe,
    JobCancellations running,
    JobChangeFeed changes,
    IOptions<WorkerOptions> workerOptions,
    IOptions<ReelgateOptions> serverOptions,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    private static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(15);

    private readonly WorkerOptions _options = workerOptions.Value;

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
        var workDirectory = serverOptions.Value.DataPath("work", $"{job.Id}-{job.Attempts.ToString(CultureInfo.InvariantCulture)}");
        var progress = new ProgressReporter();
        var heartbeat = HeartbeatAsync(job.Id, workerId, progress, jobToken, heartbeatStop.Token);
        LogStarted(logger, job.Id, job.Attempts, workerId);
        IVideoEngine? current = null;
        LeaseCheckpoint? currentCheckpoint = null;
        try
        {
            Directory.CreateDirectory(workDirectory);
            var engines = PickEngines(job);
            if (engines.Count == 0)
            {
                // Accepted by an engine that is no longer enabled: resubmitting elsewhere could pay twice.
                await StopAsync(heartbeatStop, heartbeat);
                await jobs.FailAsync(job.Id, workerId, new JobError("engine_unavailable",
                    $"engine {job.Engine} accepted this job but is no longer enabled on this server; it was not resubmitted elsewhere and the hold was released"),
                    time.GetUtcNow(), CancellationToken.None);
                return;
            }

            var inputs = await DownloadInputsAsync(job, workDirectory, jobToken.Token);
            IVideoEngine engine;
            RenderOutcome outcome;
            var index = 0;
            while (true)
            {
                engine = engines[index];
                var saved = index == 0 ? job.Checkpoint : null;
                if (!await jobs.SaveCheckpointAsync(job.Id, workerId, engine.Name, saved, time.GetUtcNow(), jobToken.Token))
                {
                    LogStopped(logger, job.Id);
                    return;
                }

                var checkpoint = new LeaseCheckpoint(jobs, job.Id, workerId, engine.Name, saved, time);
                (current, currentCheckpoint) = (engine, checkpoint);
                var engineDirectory = Path.Combine(workDirectory, engine.Name);
                Directory.CreateDirectory(engineDirectory);
                deadline.CancelAfter(engine.TimeLimit(job.Request));
                var render = new RenderJob(job.Id, job.Request, inputs, engineDirectory, progress, checkpoint) { AllowSimulation = job.Simulate };
                outcome = await engine.RenderAsync(render, jobToken.Token);

                // Fallback: an engine that failed before accepting the job (nothing in its checkpoint) hands it to the next.
                if (outcome is RenderOutcome.Failed { Retryable: true } refused && checkpoint.Saved is null && index + 1 < engines.Count)
                {
                    LogFallback(logger, job.Id, engine.Name, refused.Error.Code, engines[index + 1].Name);
                    index++;
                    continue;
                }

                break;
            }

            // The heartbeat keeps the lease through probing, storing and the final write (the finally stops it).
            switch (outcome)
            {
                case RenderOutcome.Rendered rendered:
                    await FinishAsync(job, workerId, engine.Name, rendered, jobToken.Token);
                    break;
                case RenderOutcome.Failed failed when failed.Retryable && job.Attempts < _options.MaxAttempts:
                    await RetryLaterAsync(job, workerId, failed.Error.Code);
                    break;
                case RenderOutcome.Failed failed:
                    LogFailed(logger, job.Id, failed.Error.Code, failed.Error.Message);
                    await jobs.FailAsync(job.Id, workerId, failed.Error, time.GetUtcNow(), CancellationToken.None);
                    break;
            }
        }
        catch (OperationCanceledException) when (jobToken.IsCancellationRequested)
        {
            if (drain.IsCancellationRequested)
            {
                LogHandedBack(logger, job.Id);
                await jobs.ReleaseAsync(job.Id, workerId, JobRelease.HandBack(_options.FreeHandBacks), time.GetUtcNow(), CancellationToken.None);
            }
            else if (deadline.IsCancellationRequested)
            {
                await StopAsync(heartbeatStop, heartbeat);
                await FailOverTimeAsync(job, workerId, current, currentCheckpoint?.Saved);
            }
            else
            {
                LogStopped(logger, job.Id);
                await AbandonIfCancelledAsync(job.Id, current, currentCheckpoint?.Saved);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCrashed(logger, e, job.Id);
            if (job.Attempts < _options.MaxAttempts)
            {
                await RetryLaterAsync(job, workerId, "engine_error");
            }
            else
            {
                await jobs.FailAsync(job.Id, workerId, new JobError("engine_error",
                    $"the engine failed {job.Attempts} times on this job; the hold was released"), time.GetUtcNow(), CancellationToken.None);
            }
        }
        finally
        {
            await StopAsync(heartbeatStop, heartbeat);
            running.Unregister(job.Id);
            TryDelete(workDirectory);
            changes.Notify(job.Id);
        }
    }

    /// <summary>Back to the queue after a retryable failure, not to be started again before its back-off has passed.</summary>
    private async Task RetryLaterAsync(Job job, string workerId, string code)
    {
        var delay = _options.RetryDelay(job.Attempts);
        LogRetry(logger, job.Id, code, delay);
        var now = time.GetUtcNow();
        await jobs.ReleaseAsync(job.Id, workerId, JobRelease.Retry(delay > TimeSpan.Zero ? now + delay : null), now, CancellationToken.None);
    }

    /// <summary>The attempt ran past its engine's time limit: the job fails (no retry could be quicker) and a provider is told to stop.</summary>
    private async Task FailOverTimeAsync(Job job, string workerId, IVideoEngine? engine, string? checkpoint)
    {
        var limit = engine?.TimeLimit(job.Request);
        LogOverTime(logger, job.Id, engine?.Name ?? "none", limit ?? TimeSpan.Zero);
        var failed = await jobs.FailAsync(job.Id, workerId, new JobError("time_limit_exceeded",
            $"the job ran longer than engine {engine?.Name}'s limit of {limit} for this request and was stopped; the hold was released"),
            time.GetUtcNow(), CancellationToken.None);
        if (failed && engine is not null && checkpoint is not null)
        {
            await AbandonAsync(job.Id, engine, checkpoint);
        }
    }

    /// <summary>The blob folder of one attempt's outputs (so a late attempt never touches another's files).</summary>
    public static string OutputPrefix(string jobId, int attempt) => $"outputs/{jobId}/{attempt.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>
    /// The engine holding the job's checkpoint alone (it accepted the job: resume, never resubmit), else the
    /// model's engines that can honour the request, in the deployment's order. Empty: the accepting engine is gone.
    /// </summary>
    private IReadOnlyList<IVideoEngine> PickEngines(Job job)
    {
        if (job.Engine is not null && job.Checkpoint is not null)
        {
            return router.Find(job.Engine) is { } resumed ? [resumed] : [];
        }

        var model = catalog.Find(job.Request.Model) ?? throw new InvalidOperationException($"model {job.Request.Model} left the catalog");
        var engines = router.FallbackOrderFor(model, job.Request);
        return engines.Count > 0 ? engines : throw new InvalidOperationException($"no enabled engine can serve this {model.Id} request");
    }

    /// <summary>
    /// When the stop was a user's cancel (not a lost lease: the new owner resumes the same upstream job), tells the
    /// engine, so a provider stops working (and charging the operator) for a video nobody will take.
    /// </summary>
    private async Task AbandonIfCancelledAsync(string jobId, IVideoEngine? engine, string? checkpoint)
    {
        if (engine is null || checkpoint is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(AbandonTimeout, time);
            if (await jobs.GetAsync(jobId, timeout.Token) is { Status: JobStatus.Cancelled })
            {
                await AbandonAsync(jobId, engine, checkpoint);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException)
        {
            LogAbandonFailed(logger, e, jobId);
        }
    }

    /// <summary>Asks the engine to stop the work behind its checkpoint, best effort and bounded in time.</summary>
    private async Task AbandonAsync(string jobId, IVideoEngine engine, string checkpoint)
    {
        try
        {
            using var timeout = new CancellationTokenSource(AbandonTimeout, time);
            await engine.AbandonAsync(jobId, checkpoint, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            LogAbandonFailed(logger, e, jobId);
        }
    }

    private async Task<IReadOnlyList<RenderInput>> DownloadInputsAsync(Job job, string workDirectory, CancellationToken cancellationToken)
    {
        var inputs = new List<RenderInput>();
        foreach (var input in job.Inputs)
        {
            var path = Path.Combine(workDirectory, input.Role + Path.GetExtension(input.BlobKey));
            var blob = await blobs.OpenReadAsync(input.BlobKey, cancellationToken)
                ?? throw new InvalidOperationException($"the stored input {input.BlobKey} is missing");
            await using (blob)
            {
                await using var file = File.Create(path);
                await blob.Stream.CopyToAsync(file, cancellationToken);
            }

            inputs.Add(new RenderInput(input.Role, path, input.ContentType, input.Width, input.Height));
        }

        return inputs;
    }

    private async Task FinishAsync(Job job, string workerId, string engine, RenderOutcome.Rendered rendered, CancellationToken cancellationToken)
    {
        var prefix = OutputPrefix(job.Id, job.Attempts);
        var outputs = new List<JobOutput>();
        var video = await probe.ProbeAsync(rendered.VideoPath, cancellationToken);
        outputs.Add(new JobOutput(JobOutput.VideoType, null, prefix + "video.mp4", "video/mp4", video.Width, video.Height,
            Math.Round(video.DurationSeconds, 3), Math.Round(video.Fps, 3), video.HasAudio, video.Bytes));
        if (rendered.PosterPath is not null)
        {
            var poster = await probe.ProbeAsync(rendered.PosterPath, cancellationToken);
            outputs.Add(new JobOutput(JobOutput.ImageType, JobOutput.PosterRole, prefix + "poster.jpg", "image/jpeg",
                poster.Width, poster.Height, null, null, null, poster.Bytes));
        }

        await blobs.PutFileAsync(prefix + "video.mp4", rendered.VideoPath, "video/mp4", cancellationToken);
        if (rendered.PosterPath is not null)
        {
            await blobs.PutFileAsync(prefix + "poster.jpg", rendered.PosterPath, "image/jpeg", cancellationToken);
        }

        var completed = await jobs.CompleteAsync(job.Id, workerId, new JobResult(outputs, rendered.Thinking, engine), time.GetUtcNow(), CancellationToken.None);
        if (completed)
        {
            LogCompleted(logger, job.Id, engine, video.Bytes);
        }
        else
        {
            // Cancelled, or the lease went to another worker meanwhile: this attempt's files are nobody's.
            await blobs.DeletePrefixAsync(prefix, CancellationToken.None);
            LogStopped(logger, job.Id);
        }
    }

    private async Task HeartbeatAsync(string jobId, string workerId, ProgressReporter progress, CancellationTokenSource jobToken, CancellationToken stop)
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
                    changes.Notify(jobId);
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

    private static async Task StopAsync(CancellationTokenSource stop, Task heartbeat)
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
        }

        await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next start's sweep of the work folder.
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job {JobId} started (attempt {Attempt}) by {WorkerId}")]
    private static partial void LogStarted(ILogger logger, string jobId, int attempt, string workerId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Job {JobId} completed by engine {Engine} ({Bytes} bytes)")]
    private static partial void LogCompleted(ILogger logger, string jobId, string engine, long bytes);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Job {JobId} failed: {Code}: {Message}")]
    private static partial void LogFailed(ILogger logger, string jobId, string code, string message);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Job {JobId} failed with retryable {Code}; back to the queue, retried after {Delay}")]
    private static partial void LogRetry(ILogger logger, string jobId, string code, TimeSpan delay);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Job {JobId} ran past engine {Engine}'s time limit of {Limit}; it fails")]
    private static partial void LogOverTime(ILogger logger, string jobId, string engine, TimeSpan limit);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Job {JobId} was handed back to the queue at shutdown")]
    private static partial void LogHandedBack(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Job {JobId} stopped: cancelled, or its lease was lost")]
    private static partial void LogStopped(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Job {JobId}: engine {Engine} did not accept it ({Code}); moving to engine {Next}")]
    private static partial void LogFallback(ILogger logger, string jobId, string engine, string code, string next);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Job {JobId}: the engine crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Job {JobId} was cancelled, but its engine could not be told to stop the work upstream")]
    private static partial void LogAbandonFailed(ILogger logger, Exception exception, string jobId);
}
