using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Workers;

/// <summary>
/// How an attempt that does not complete ends, written under its lease: a retryable failure or a crash goes back
/// to the queue after its back-off while attempts are left, else fails; an attempt past its engine's time limit
/// fails; a shutdown hands the job back. A provider is told to stop the work of a job that was cancelled or ran
/// over time.
/// </summary>
public sealed partial class FailureRules(IJobStore jobs, IOptions<WorkerOptions> options, TimeProvider time, ILogger<FailureRules> logger)
{
    private static readonly TimeSpan AbandonTimeout = TimeSpan.FromSeconds(15);

    private readonly WorkerOptions _options = options.Value;

    /// <summary>Accepted by an engine that is no longer enabled: resubmitting elsewhere could pay twice, so it fails.</summary>
    public Task EngineGoneAsync(Job job, string workerId) =>
        jobs.FailAsync(job.Id, workerId, new JobError("engine_unavailable",
            $"engine {job.Engine} accepted this job but is no longer enabled on this server; it was not resubmitted elsewhere " +
            "and the hold was released"),
            time.GetUtcNow(), CancellationToken.None);

    /// <summary>The engine answered with a failure: retried later when it allows it and attempts are left, else failed.</summary>
    public async Task FailedAsync(Job job, string workerId, RenderOutcome.Failed failed)
    {
        if (failed.Retryable && job.Attempts < _options.MaxAttempts)
        {
            await RetryLaterAsync(job, workerId, failed.Error.Code);
            return;
        }

        LogFailed(logger, job.Id, failed.Error.Code, failed.Error.Message);
        await jobs.FailAsync(job.Id, workerId, failed.Error, time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>
    /// The attempt threw (an engine's bug, a broken disk, an SDK's own timeout that is not the job's cancellation):
    /// retried later while attempts are left, else failed with engine_error.
    /// </summary>
    public async Task CrashedAsync(Job job, string workerId, Exception exception)
    {
        LogCrashed(logger, exception, job.Id);
        if (job.Attempts < _options.MaxAttempts)
        {
            await RetryLaterAsync(job, workerId, "engine_error");
            return;
        }

        await jobs.FailAsync(job.Id, workerId, new JobError("engine_error",
            $"the engine failed {job.Attempts} times on this job; the hold was released"), time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>The process is stopping and the shutdown grace ran out: back to the queue, the attempt free a few times.</summary>
    public async Task HandBackAsync(Job job, string workerId)
    {
        LogHandedBack(logger, job.Id);
        await jobs.ReleaseAsync(job.Id, workerId, JobRelease.HandBack(_options.FreeHandBacks), time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>
    /// The attempt ran past its engine's time limit: the job fails (no retry could be quicker) and a provider is
    /// told to stop.
    /// </summary>
    public async Task OverTimeAsync(Job job, string workerId, IVideoEngine? engine, string? checkpoint)
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

    /// <summary>
    /// When the stop was a user's cancel (not a lost lease: the new owner resumes the same upstream job), tells the
    /// engine, so a provider stops working (and charging the operator) for a video nobody will take.
    /// </summary>
    public async Task AbandonIfCancelledAsync(string jobId, IVideoEngine? engine, string? checkpoint)
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

    /// <summary>Back to the queue after a retryable failure, not to be started again before its back-off has passed.</summary>
    private async Task RetryLaterAsync(Job job, string workerId, string code)
    {
        var delay = _options.RetryDelay(job.Attempts);
        LogRetry(logger, job.Id, code, delay);
        var now = time.GetUtcNow();
        var release = JobRelease.Retry(delay > TimeSpan.Zero ? now + delay : null);
        await jobs.ReleaseAsync(job.Id, workerId, release, now, CancellationToken.None);
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

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Job {JobId} failed: {Code}: {Message}")]
    private static partial void LogFailed(ILogger logger, string jobId, string code, string message);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning,
        Message = "Job {JobId} failed with retryable {Code}; back to the queue, retried after {Delay}")]
    private static partial void LogRetry(ILogger logger, string jobId, string code, TimeSpan delay);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning,
        Message = "Job {JobId} ran past engine {Engine}'s time limit of {Limit}; it fails")]
    private static partial void LogOverTime(ILogger logger, string jobId, string engine, TimeSpan limit);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Job {JobId} was handed back to the queue at shutdown")]
    private static partial void LogHandedBack(ILogger logger, string jobId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Job {JobId}: the engine crashed")]
    private static partial void LogCrashed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning,
        Message = "Job {JobId} was cancelled, but its engine could not be told to stop the work upstream")]
    private static partial void LogAbandonFailed(ILogger logger, Exception exception, string jobId);
}
