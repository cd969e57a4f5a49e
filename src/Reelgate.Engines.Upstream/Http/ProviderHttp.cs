using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>
/// Sends one request to a provider through its named client (with its resilience pipeline), reads the answer
/// in full, and turns every transport failure into a <see cref="ProviderResponse"/> instead of an exception.
/// Counts and times each call by engine, operation and status.
/// </summary>
public sealed class ProviderHttp(IHttpClientFactory clients, string clientName, string engine, EngineMetrics metrics, TimeProvider time)
{
    /// <summary>Provider JSON answers are small; a bigger one is cut (and then fails to parse, as it should).</summary>
    public const int MaxBodyChars = 1024 * 1024;

    public async Task<ProviderResponse> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await SendCoreAsync(request, operation, cancellationToken);
        return response with { RequestLine = RequestLineOf(request) };
    }

    /// <summary>"POST host/path": no scheme, query, fragment or header, so nothing secret reaches a log.</summary>
    private static string RequestLineOf(HttpRequestMessage request) =>
        request.RequestUri switch
        {
            { IsAbsoluteUri: true } uri => $"{request.Method} {uri.Host}{uri.AbsolutePath}",
            { } uri => $"{request.Method} /{uri.OriginalString.Split('?', 2)[0].TrimStart('/')}",
            _ => request.Method.ToString(),
        };

    private async Task<ProviderResponse> SendCoreAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var client = clients.CreateClient(clientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadBodyAsync(response.Content, cancellationToken);
            metrics.Request(engine, operation, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                time.GetElapsedTime(started));
            return new ProviderResponse((int)response.StatusCode, body, RetryAfter(response, time));
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                              || e.InnerException is SocketException)
        {
            metrics.Request(engine, operation, "connect_error", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.Connect, "could not connect");
        }
        catch (HttpRequestException e)
        {
            metrics.Request(engine, operation, "transport_error", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.Timeout, $"the connection failed ({e.HttpRequestError})");
        }
        catch (TimeoutRejectedException)
        {
            metrics.Request(engine, operation, "timeout", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.Timeout, "the call timed out");
        }
        catch (BrokenCircuitException)
        {
            metrics.Request(engine, operation, "circuit_open", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.CircuitOpen, "too many recent failures; calls are paused");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Request(engine, operation, "timeout", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.Timeout, "the call timed out");
        }
        catch (IOException)
        {
            metrics.Request(engine, operation, "transport_error", time.GetElapsedTime(started));
            return ProviderResponse.Failed(TransportFault.Timeout, "the connection broke while reading the answer");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[16 * 1024];
        var text = new StringBuilder();
        int read;
        while (text.Length < MaxBodyChars && (read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken)) > 0)
        {
            text.Append(buffer, 0, Math.Min(read, MaxBodyChars - text.Length));
        }

        return text.ToString();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
