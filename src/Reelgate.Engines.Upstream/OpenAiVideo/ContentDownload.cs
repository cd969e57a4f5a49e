using System.Net;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Media;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// GET /v1/videos/{id}/content into a file as it streams (never held in memory), with the server's key when one is
/// configured, refused as soon as it passes the size cap.
/// </summary>
internal sealed class ContentDownload(IHttpClientFactory clients, EngineMetrics metrics, TimeProvider time)
{
    public sealed record Result(long Bytes, string? Problem = null, bool TooLarge = false, bool Retryable = false);

    public async Task<Result> SaveAsync(
        string engine, HttpRequestMessage request, string path, long maxBytes, CancellationToken cancellationToken)
    {
        using (request)
        {
            var started = time.GetTimestamp();
            using var client = clients.CreateClient(ProviderClients.OutputClient);
            var result = await TrySaveAsync(client, request, path, maxBytes, cancellationToken);
            metrics.Request(engine, "download", result.Problem is null ? "completed" : "failed", time.GetElapsedTime(started));
            if (result.Problem is not null && File.Exists(path))
            {
                File.Delete(path);
            }

            return result;
        }
    }

    private static async Task<Result> TrySaveAsync(
        HttpClient client, HttpRequestMessage request, string path, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return new Result(0, $"the content answered {(int)response.StatusCode}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new Result(0, $"the content answered {(int)response.StatusCode}", Retryable: (int)response.StatusCode >= 500);
            }

            var saved = await CappedFileSave.SaveAsync(response.Content, path, maxBytes, cancellationToken);
            return saved switch
            {
                { Status: DownloadStatus.TooLarge } => new Result(saved.Bytes, saved.Problem, TooLarge: true),
                { Bytes: 0 } => new Result(0, "the content was empty"),
                _ => new Result(saved.Bytes),
            };
        }
        catch (Exception e) when (CappedFileSave.IsBrokenTransfer(e, cancellationToken))
        {
            return new Result(0, "the transfer failed: " + e.GetType().Name, Retryable: true);
        }
    }
}
