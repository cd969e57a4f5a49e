using System.Net;
using System.Net.Http.Headers;
using Reelgate.Client.Http;

namespace Reelgate.Client.Downloads;

/// <summary>
/// Streams a URL to a file: into <c>NAME.part</c>, renamed when complete. When the body breaks off it asks
/// again from the byte it has (<c>Range</c>, guarded by <c>If-Range</c> with the first answer's ETag), so the
/// file ends identical to the original; a server that answers the whole file again starts it over.
/// </summary>
internal sealed class FileDownloader(ApiTransport transport)
{
    private const int BufferSize = 128 * 1024;

    public async Task<DownloadResult> DownloadAsync(
        Uri url, string path, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var partial = target + ".part";
        long written = 0;
        long? total = null;
        var resumes = 0;
        var failures = 0;
        EntityTagHeaderValue? etag = null;
        var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            var buffer = new byte[BufferSize];
            while (true)
            {
                try
                {
                    using var response = await transport.SendAsync(
                        () => Request(url, written, etag), RetryMode.Safe, cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { } range
                        && range.From == written)
                    {
                        total = range.Length ?? total;
                    }
                    else
                    {
                        // The whole file (first request, or a server that ignored or refused the Range): from the start.
                        file.SetLength(0);
                        file.Position = 0;
                        written = 0;
                        total = response.Content.Headers.ContentLength;
                        etag = response.Headers.ETag is { IsWeak: false } strong ? strong : null;
                    }

                    var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (body.ConfigureAwait(false))
                    {
                        int read;
                        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                        {
                            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                            written += read;
                            failures = 0;
                            progress?.Report(new DownloadProgress(written, total, resumes));
                        }
                    }

                    if (total is null || written == total)
                    {
                        break;
                    }

                    throw new IOException($"the body ended after {written} of {total} bytes");
                }
                catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    if (failures > transport.Options.MaxRetries)
                    {
                        throw new ReelgateException(null, ReelgateErrorTypes.ConnectionError, "download_interrupted",
                            $"the download of {url.GetLeftPart(UriPartial.Path)} broke off after {written} bytes and could not be " +
                            $"resumed: {e.Message}", innerException: e);
                    }

                    resumes++;
                    await Task.Delay(transport.Delays.Backoff(failures - 1), transport.Options.TimeProvider,
                        cancellationToken).ConfigureAwait(false);
                }
            }

            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, target, overwrite: true);
        return new DownloadResult(target, written, resumes);
    }

    private static HttpRequestMessage Request(Uri url, long from, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (from > 0)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
            if (etag is not null)
            {
                request.Headers.IfRange = new RangeConditionHeaderValue(etag);
            }
        }

        return request;
    }
}
