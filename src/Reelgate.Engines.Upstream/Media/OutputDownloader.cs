using System.Net;
using Microsoft.Extensions.Options;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Imaging.Networking;

namespace Reelgate.Engines.Upstream.Media;

/// <summary>
/// Downloads a provider's output into a file as it streams, never holding it in memory, refusing it as soon as
/// it is known to exceed the cap (Content-Length, or the bytes read so far). No credential is ever sent with it. The
/// link comes from a provider's answer: it goes through the guarded connector, and redirects are followed here so
/// each hop is checked again.
/// </summary>
public sealed class OutputDownloader(
    IHttpClientFactory clients, IOptions<OutputFetchOptions> options, EngineMetrics metrics, TimeProvider time)
{
    public async Task<DownloadResult> DownloadAsync(string engine, Uri url, string path, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var started = time.GetTimestamp();
        using var client = clients.CreateClient(ProviderClients.OutputClient);
        var result = await TryDownloadAsync(client, url, path, maxBytes, cancellationToken);
        metrics.Request(engine, "download", result.Status.ToString().ToLowerInvariant(), time.GetElapsedTime(started));
        if (result.Status != DownloadStatus.Completed)
        {
            TryDelete(path);
        }

        return result;
    }

    private async Task<DownloadResult> TryDownloadAsync(
        HttpClient client, Uri url, string path, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var current = url;
            for (var redirects = 0; ; redirects++)
            {
                if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                {
                    return new DownloadResult(DownloadStatus.Refused, 0, "the output link is not an http(s) URL");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (IsRedirect(response.StatusCode))
                {
                    if (redirects >= options.Value.MaxRedirects || response.Headers.Location is not { } location)
                    {
                        return new DownloadResult(DownloadStatus.Refused, 0,
                            $"the output link redirected more than {options.Value.MaxRedirects} times or without a Location");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                return await ReadAsync(response, path, maxBytes, cancellationToken);
            }
        }
        catch (HttpRequestException e) when (Refusal(e) is { } refused)
        {
            return new DownloadResult(DownloadStatus.Refused, 0, refused.Message);
        }
        catch (Exception e) when (CappedFileSave.IsBrokenTransfer(e, cancellationToken))
        {
            return new DownloadResult(DownloadStatus.Failed, 0, "the transfer failed: " + e.GetType().Name);
        }
    }

    private static async Task<DownloadResult> ReadAsync(
        HttpResponseMessage response, string path, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return new DownloadResult(DownloadStatus.NotFound, 0, $"the output URL answered {(int)response.StatusCode}");
        }

        if (!response.IsSuccessStatusCode)
        {
            return new DownloadResult(DownloadStatus.Failed, 0, $"the output URL answered {(int)response.StatusCode}");
        }

        var saved = await CappedFileSave.SaveAsync(response.Content, path, maxBytes, cancellationToken);
        return saved is { Status: DownloadStatus.Completed, Bytes: 0 }
            ? new DownloadResult(DownloadStatus.Failed, 0, "the output URL answered an empty body")
            : saved;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static RefusedAddressException? Refusal(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The work folder is removed with the job's attempt.
        }
    }
}
