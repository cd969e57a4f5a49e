using System.Globalization;
using Microsoft.Net.Http.Headers;
using Reelgate.Core.Ports;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Features.Files;

/// <summary>
/// GET /files/{key}?expires=&amp;signature=: stored outputs by signed URL, no API key. Range requests are
/// served; an expired URL answers 410, a bad signature 403, both with the envelope and never the file.
/// </summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OutputUrls.RoutePrefix + "{**key}", [HttpMethods.Get, HttpMethods.Head], GetAsync)
            .WithName("DownloadFile").WithSummary("Download an output by its signed URL (Range supported)")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4")
            .Produces(StatusCodes.Status206PartialContent, contentType: "video/mp4")
            .ProducesErrors(403, 404, 410);
        return app;
    }

    private static async Task<IResult> GetAsync(string key, HttpRequest request, UrlSigner signer, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var signature = request.Query["signature"].ToString();
        if (!long.TryParse(request.Query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !signer.Verify(key, expires, signature))
        {
            return ErrorResult.Of(StatusCodes.Status403Forbidden, "invalid_signature",
                "this file URL is not valid: its signature does not match; use the URL from the job object unchanged");
        }

        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return ErrorResult.Of(StatusCodes.Status410Gone, "output_expired",
                "this file URL has expired; outputs are kept until the job's expires_at");
        }

        var blob = await blobs.OpenReadAsync(key, cancellationToken);
        if (blob is null)
        {
            return ErrorResult.Of(StatusCodes.Status410Gone, "output_deleted", "this output was deleted after its retention period");
        }

        request.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
        var etag = new EntityTagHeaderValue($"\"{blob.Length:x}-{blob.LastModified.ToUnixTimeSeconds():x}\"");
        return TypedResults.Stream(blob.Stream, blob.ContentType, fileDownloadName: null, blob.LastModified, etag, enableRangeProcessing: true);
    }
}
