using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Reelgate.Client.Serialization;

namespace Reelgate.Client.Http;

/// <summary>
/// Sends requests to the API: the key on requests to the API's own host only, a timeout per attempt, retries
/// with jitter on 429/502/503/504 and network faults (honouring Retry-After), and one exception type for
/// every refusal. A write without an Idempotency-Key is sent again only after a 429.
/// </summary>
internal sealed class ApiTransport : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("reelgate-dotnet", typeof(ApiTransport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RetryDelays _delays;

    public ApiTransport(HttpClient? http, ReelgateClientOptions options)
    {
        Options = options;
        _delays = new RetryDelays(options);
        if (http is null)
        {
            _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
                { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
        else
        {
            _http = http;
        }

        var text = options.BaseAddress.AbsoluteUri;
        BaseAddress = new Uri(text.EndsWith('/') ? text : text + "/");
    }

    public ReelgateClientOptions Options { get; }

    /// <summary>The base address ending in a slash, so relative paths keep any path prefix of a proxy.</summary>
    public Uri BaseAddress { get; }

    public RetryDelays Delays => _delays;

    public Uri Resolve(string relativePath) => new(BaseAddress, relativePath.TrimStart('/'));

    public async Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken) =>
        await SendJsonAsync<T>(HttpMethod.Get, path, body: null, headers: null, RetryMode.Safe, cancellationToken).ConfigureAwait(false);

    public async Task<T> SendJsonAsync<T>(
        HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, RetryMode mode,
            CancellationToken cancellationToken)
    {
        var uri = Resolve(path);
        using var response = await SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(method, uri);
                if (body is not null)
                {
                    request.Content = JsonContent.Create(body, body.GetType(), options: ReelgateJson.Options);
                }

                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                return request;
            },
            mode,
            cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(ReelgateJson.Options, cancellationToken).ConfigureAwait(false);
            return value ?? throw new ReelgateException(
                response.StatusCode, ReelgateErrorTypes.ApiError, "empty_body", "the server answered with an empty body");
        }
        catch (JsonException e)
        {
            throw new ReelgateException(response.StatusCode, ReelgateErrorTypes.ApiError, "unexpected_body",
                $"the server's answer could not be read: {e.Message}", innerException: e);
        }
    }

    /// <summary>
    /// Sends the request made by <paramref name="create"/> (afresh for every attempt) and returns the successful
    /// answer once its headers are read; the caller owns and disposes it. Error answers throw.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, RetryMode mode, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var retriesLeft = attempt < Options.MaxRetries;
            HttpResponseMessage? response = null;
            Exception? fault = null;
            using (var request = Prepare(create()))
            using (var attemptTimeout = new CancellationTokenSource(Options.RequestTimeout, Options.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token))
            {
                try
                {
                    response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    fault = new ReelgateException(null, ReelgateErrorTypes.Timeout, "request_timeout",
                        $"{request.Method} {request.RequestUri?.AbsolutePath} got no answer within " +
                        $"{Options.RequestTimeout.TotalSeconds:0.#} s", innerException: e);
                }
                catch (HttpRequestException e)
                {
                    fault = new ReelgateException(null, ReelgateErrorTypes.ConnectionError, "network_error",
                        $"could not reach {BaseAddress.GetLeftPart(UriPartial.Authority)}: {e.Message}", innerException: e);
                }
            }

            if (fault is not null)
            {
                if (mode != RetryMode.Safe || !retriesLeft)
                {
                    throw fault;
                }

                await Task.Delay(_delays.Backoff(attempt), Options.TimeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response!.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var retryAfter = _delays.RetryAfter(response);
                var retryable = RetryDelays.IsRetryableStatus(response.StatusCode)
                    && (mode == RetryMode.Safe || response.StatusCode == HttpStatusCode.TooManyRequests)
                    && retriesLeft
                    && (retryAfter is null || retryAfter <= Options.MaxRetryAfter);
                if (!retryable)
                {
                    throw await ErrorMapper.ToExceptionAsync(response, retryAfter, cancellationToken).ConfigureAwait(false);
                }

                await Task.Delay(retryAfter ?? _delays.Backoff(attempt), Options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private HttpRequestMessage Prepare(HttpRequestMessage request)
    {
        request.Headers.UserAgent.Add(UserAgent);
        if (Options.ApiKey is { Length: > 0 } key && request.RequestUri is { } uri && IsOwnHost(uri))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    /// <summary>The key goes to the API's own scheme, host and port only, never to a storage or CDN host of an output URL.</summary>
    private bool IsOwnHost(Uri uri) =>
        Uri.Compare(uri, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
