using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Reelgate.Engines.Upstream.Media;

/// <summary>
/// Saves a response's body into a file as it streams, never holding it in memory, refusing it as soon as it is known
/// to exceed the cap (Content-Length, or the bytes read so far): the one save both output downloads use.
/// </summary>
internal static class CappedFileSave
{
    private const int BufferSize = 81920;

    /// <summary>Completed with the bytes written (zero for an empty body), or TooLarge saying by how much it was known.</summary>
    public static async Task<DownloadResult> SaveAsync(HttpContent content, string path, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            return new DownloadResult(DownloadStatus.TooLarge, 0, $"the output is {declared.ToString(CultureInfo.InvariantCulture)} bytes");
        }

        await using var source = await content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return new DownloadResult(DownloadStatus.TooLarge, total,
                    $"the output passed {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return new DownloadResult(DownloadStatus.Completed, total);
    }

    /// <summary>
    /// Whether an exception is a broken transfer (network, I/O, the resilience pipeline's timeout or open circuit, an
    /// HTTP timeout) rather than the caller's cancellation or a bug.
    /// </summary>
    public static bool IsBrokenTransfer(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
