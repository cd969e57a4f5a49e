using Microsoft.Extensions.Logging;

namespace Reelgate.Engines.Local;

/// <summary>The local engine's log messages.</summary>
internal static partial class LocalEngineLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Rendering job {JobId}: {Mode} {Width}x{Height}, {FrameCount} frames, style {Style}, audio {Audio}")]
    public static partial void RenderStarted(
        ILogger logger, string jobId, string mode, int width, int height, int frameCount, string style, bool audio);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Rendered job {JobId} in {ElapsedMs} ms")]
    public static partial void RenderFinished(ILogger logger, string jobId, long elapsedMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Job {JobId} runs a fault simulation: {Simulation}")]
    public static partial void Simulating(ILogger logger, string jobId, string simulation);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Render of job {JobId} was cancelled; ffmpeg stopped and partial files removed")]
    public static partial void RenderCancelled(ILogger logger, string jobId);
}
