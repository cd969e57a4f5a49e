using Microsoft.Extensions.Logging;
using Reelgate.Imaging.Networking;

namespace Reelgate.Imaging;

/// <summary>Every log line of image inputs. Hosts only: never a URL's path or query, never image bytes.</summary>
internal static partial class ImagingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Refused to connect to {Host} ({Address}): {Category}")]
    public static partial void AddressRefused(ILogger logger, string host, string address, AddressCategory category);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Fetching {Param} from {Host} failed: {Code}")]
    public static partial void FetchFailed(ILogger logger, string param, string host, string code);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug,
        Message = "Fetched {Param} from {Host}: {Bytes} bytes after {Redirects} redirects")]
    public static partial void Fetched(ILogger logger, string param, string host, long bytes, int redirects);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information,
        Message = "Refused {Param} image: {Code}")]
    public static partial void ImageRefused(ILogger logger, string param, string code);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug,
        Message = "Normalised {Param}: {Format} {OriginalWidth}x{OriginalHeight} -> {ContentType} {Width}x{Height}, {Bytes} bytes in " +
            "{ElapsedMs} ms")]
    public static partial void Normalized(ILogger logger, string param, string format, int originalWidth, int originalHeight,
        string contentType, int width, int height, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug,
        Message = "{Param} encoded to {Bytes} bytes, over the limit; recompressing as JPEG at quality {Quality}")]
    public static partial void Recompressing(ILogger logger, string param, long bytes, int quality);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning,
        Message = "Could not delete the scratch file {Path}")]
    public static partial void ScratchCleanupFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning,
        Message = "Processing {Param} took longer than {TimeoutSeconds} s and was stopped")]
    public static partial void NormalizeTimedOut(ILogger logger, string param, double timeoutSeconds);
}
