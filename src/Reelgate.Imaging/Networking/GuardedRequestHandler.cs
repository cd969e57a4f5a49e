using System.Net;

namespace Reelgate.Imaging.Networking;

/// <summary>
/// Sits in front of the guarded <see cref="SocketsHttpHandler"/>: only http and https go out, and never
/// over HTTP/3, whose QUIC connections do not pass through the checked connect step.
/// </summary>
internal sealed class GuardedRequestHandler : DelegatingHandler
{
    public GuardedRequestHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new HttpRequestException(HttpRequestError.Unknown, "only http and https URLs are fetched",
                new RefusedAddressException("only http and https URLs are fetched"));
        }

        if (request.Version >= HttpVersion.Version30)
        {
            request.Version = HttpVersion.Version20;
        }

        request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
        return base.SendAsync(request, cancellationToken);
    }
}
