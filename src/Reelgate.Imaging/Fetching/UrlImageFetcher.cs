using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Imaging.Networking;

namespace Reelgate.Imaging.Fetching;

/// <summary>
/// Downloads an image URL to a file through the guarded HTTP client: redirects followed here (at most 3,
/// each hop's scheme checked here and its addresses in the connect step), 50 MiB counted while
/// streaming, one deadline for the whole fetch, so a trickling or endless body ends in a 422.
/// </summary>
internal sealed class UrlImageFetcher
{
    /// <summary>The named HttpClient whose primary handler comes from <see cref="GuardedHttpHandlerFactory"/>.</summary>
    public const string HttpClientName = "Reelgate.Imaging";

    private readonly IHttpClientFactory _clients;
    private readonly ImagingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<UrlImageFetcher> _logger;

    public UrlImageFetcher(IHttpClientFactory clients, IOptions<ImagingOptions> options, TimeProvider time, ILogger<UrlImageFetcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The number of bytes written to <paramref name="destinationPath"/>, or why there are none.</summary>
    public async Task<Outcome<long>> FetchAsync(Uri url, string param, string destinationPath, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(_options.FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var host = url.Host;
        Outcome<long> outcome;
        try
        {
            outcome = await FetchHopsAsync(url, param, destinationPath, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException
                                  && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            outcome = Failure.Invalid(param, ImageErrorCodes.Timeout,
                $"{param}: fetching the image took longer than {_options.FetchTimeout.TotalSeconds:0.#} s");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The connect timeout of the handler, before the whole deadline.
            outcome = Failure.Invalid(param, ImageErrorCodes.Timeout,
                $"{param}: could not connect to {Failure.Printable(host)} in time");
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = Describe(e, param, host);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = Failure.Invalid(param, ImageErrorCodes.Unreachable,
                $"{param}: the connection to {Failure.Printable(host)} broke while the image was read");
        }

        if (!outcome.Succeeded)
        {
            ImagingLog.FetchFailed(_logger, param, host, outcome.Failure.Code);
        }

        return outcome;
    }

    private async Task<Outcome<long>> FetchHopsAsync(Uri url, string param, string destinationPath, CancellationToken cancellationToken)
    {
        using var client = _clients.CreateClient(HttpClientName);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
            {
                return Failure.Invalid(param, ImageErrorCodes.AddressRefused,
                    $"{param}: the URL redirects to a {Failure.Printable(current.Scheme)} URL; only http and https are fetched");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/jpeg"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/webp"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Reelgate", "1.0"));

            using var response =
                await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var host = current.Host;
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= ImageLimits.MaxRedirects)
                {
                    return Failure.Invalid(param, ImageErrorCodes.TooManyRedirects,
                        $"{param}: the URL redirected more than {ImageLimits.MaxRedirects} times");
                }

                if (response.Headers.Location is not { } location)
                {
                    return Failure.Invalid(param, ImageErrorCodes.Unreachable,
                        $"{param}: {Failure.Printable(host)} answered HTTP {(int)response.StatusCode} without a Location");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failure.Invalid(param, ImageErrorCodes.Unreachable,
                    $"{param}: {Failure.Printable(host)} answered HTTP {(int)response.StatusCode} for the image URL");
            }

            if (response.Content.Headers.ContentLength > ImageLimits.MaxInputBytes)
            {
                return TooLarge(param);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var written =
                await CappedCopy.ToFileAsync(body, destinationPath, ImageLimits.MaxInputBytes, cancellationToken).ConfigureAwait(false);
            if (written is not { } bytes)
            {
                return TooLarge(param);
            }

            ImagingLog.Fetched(_logger, param, host, bytes, redirects);
            return bytes;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Failure TooLarge(string param) =>
        Failure.Invalid(param, ImageErrorCodes.TooLarge, $"{param}: the image is larger than 50 MiB");

    private static Failure Describe(HttpRequestException exception, string param, string host)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is RefusedAddressException refused)
            {
                return Failure.Invalid(param, ImageErrorCodes.AddressRefused, $"{param}: {refused.Message}");
            }

            if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
            {
                return Failure.Invalid(param, ImageErrorCodes.Unreachable,
                    $"{param}: the host {Failure.Printable(host)} could not be resolved");
            }
        }

        return exception.HttpRequestError == HttpRequestError.NameResolutionError
            ? Failure.Invalid(param, ImageErrorCodes.Unreachable, $"{param}: the host {Failure.Printable(host)} could not be resolved")
            : Failure.Invalid(param, ImageErrorCodes.Unreachable, $"{param}: could not fetch the image from {Failure.Printable(host)}");
    }
}
