using System.Globalization;
using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Features.Files;

/// <summary>
/// Absolute, signed URLs for stored files: the blob store's own (S3 presigned) when it has one, else this
/// server's /files route, based on REELGATE_PUBLIC_URL or the request's scheme and host.
/// </summary>
public sealed class OutputUrls(UrlSigner signer, IBlobStore blobs, IOptions<ReelgateOptions> options)
{
    public const string RoutePrefix = "/files/";

    public string For(HttpRequest request, string blobKey, string contentType, DateTimeOffset expiresAt) =>
        For(BaseOf(request), blobKey, contentType, expiresAt);

    /// <summary>A URL under a known base (webhook payloads have no request to take the host from).</summary>
    public string For(string baseUrl, string blobKey, string contentType, DateTimeOffset expiresAt)
    {
        var direct = blobs.DirectDownloadUrl(blobKey, contentType, expiresAt);
        if (direct is not null)
        {
            return direct.ToString();
        }

        var expires = expiresAt.ToUnixTimeSeconds();
        var path = RoutePrefix + string.Join('/', blobKey.Split('/').Select(Uri.EscapeDataString));
        var (keyId, signature) = signer.Sign(blobKey, expires);
        return $"{baseUrl}{path}?expires={expires.ToString(CultureInfo.InvariantCulture)}&kid={keyId}&signature={signature}";
    }

    public string BaseOf(HttpRequest request)
    {
        var configured = options.Value.PublicUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }
}
