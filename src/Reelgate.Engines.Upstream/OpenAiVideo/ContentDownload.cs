using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Reelgate.Engines.Upstream.Http;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// GET /v1/videos/{id}/content into a file as it streams (never held in memory), with the server's key when one is
/// configured, refused as soon as it passes the size cap.
/// </summary>
internal sealed class ContentDownload(IHttpClientFactory clients, EngineMetrics metrics, TimeProvider time)
{
    public sealed record Result(long Bytes, string? Problem = null, bool TooLarge = false, bool Retryable = false);

    public async Task<Result> SaveAsync(string engine, HttpRequestMessage request, string path, long maxBytes, CancellationToken cancellationToken)
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

    private static async Task<Result> TrySaveAsync(HttpClient client, HttpRequestMessage request, string path, long maxBytes, CancellationToken cancellationToken)
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

            if (response.Content.Headers.ContentLength is { } declared && declared > maxBytes)
            {
                return new Result(0, $"the output is {declared.ToString(CultureInfo.InvariantCulture)} bytes", TooLarge: true);
            }

            await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return new Result(total, $"the output passed {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes", TooLarge: true);
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return total == 0 ? new Result(0, "the content was empty") : new Result(total);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException
                                   || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Result(0, "the transfer failed: " + e.GetType().Name, Retryable: true);
        }
    }
}
