using Microsoft.Extensions.Logging;

namespace Reelgate.Engines.Upstream;

/// <summary>The upstream engines' log messages. Never a key, never a full URL (hosts only).</summary>
internal static partial class UpstreamLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Engine {Engine} accepted job {JobId} as {UpstreamId}")]
    public static partial void Accepted(ILogger logger, string engine, string jobId, string upstreamId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Engine {Engine} resumes job {JobId}: polling {UpstreamId}, no new submission")]
    public static partial void Resumed(ILogger logger, string engine, string jobId, string upstreamId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Engine {Engine} did not accept job {JobId}: {Code} (retryable {Retryable})")]
    public static partial void Refused(ILogger logger, string engine, string jobId, string code, bool retryable);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Engine {Engine}: a status poll of job {JobId} failed ({Reason}); polling again")]
    public static partial void PollFailed(ILogger logger, string engine, string jobId, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Engine {Engine} failed job {JobId}: {Code}")]
    public static partial void Failed(ILogger logger, string engine, string jobId, string code);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Engine {Engine} did not finish job {JobId} within {Timeout}")]
    public static partial void TimedOut(ILogger logger, string engine, string jobId, TimeSpan timeout);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information,
        Message = "Engine {Engine} output of job {JobId} downloaded from {Host}: {Bytes} bytes")]
    public static partial void Downloaded(ILogger logger, string engine, string jobId, string host, long bytes);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning,
        Message = "Engine {Engine}: job {JobId} is no longer this worker's; stopping without touching it")]
    public static partial void LeaseLost(ILogger logger, string engine, string jobId);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning,
        Message = "Engine {Engine}: the output of job {JobId} from {Host} could not be kept: {Problem}")]
    public static partial void DownloadFailed(ILogger logger, string engine, string jobId, string host, string problem);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning,
        Message = "Engine {Engine}: asking to cancel job {JobId} upstream failed: {Status}")]
    public static partial void CancelFailed(ILogger logger, string engine, string jobId, string status);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information,
        Message = "Engine {Engine}: job {JobId} was cancelled; asking the provider to stop its job {UpstreamId}")]
    public static partial void Abandoning(ILogger logger, string engine, string jobId, string upstreamId);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error,
        Message = "Engine {Engine}: the submission of job {JobId} may have been accepted but its answer was lost " +
        "({Reason}); request {Request} at {SentAt:O}. It was not sent again, so the job failed upstream_uncertain and its hold was " +
        "released; " +
        "look for this job in the provider's dashboard (and cancel it there), or set {Setting}=true to resubmit in such cases")]
    public static partial void Uncertain(
        ILogger logger, string engine, string jobId, string reason, string request, DateTimeOffset sentAt, string setting);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning,
        Message = "Engine {Engine}: the submission of job {JobId} may have been accepted but its answer was lost " +
        "({Reason}); request {Request}. It will be sent again ({Why})")]
    public static partial void Resubmitting(ILogger logger, string engine, string jobId, string reason, string request, string why);
}
