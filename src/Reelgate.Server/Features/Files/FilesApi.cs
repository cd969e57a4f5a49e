using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Reelgate.Core.Ports;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Features.Files;

/// <summary>
/// GET /files/{key}?expires=&amp;kid=&amp;signature=: stored outputs by signed URL, no API key. Range requests are
/// served; an expired URL answers 410, a bad signature or a retired signing key 403, both with the envelope and never
/// the file.
/// </summary>
public static class FilesApi
{
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OutputUrls.RoutePrefix + "{**key}", [HttpMethods.Get, HttpMethods.Head], GetAsync)
            .WithName("DownloadFile").WithSummary("Download an output by its signed URL (Range supported)")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4")
            .Produces(StatusCodes.Status206PartialContent, contentType: "video/mp4");
        return app;
    }

    [ProducesErrors(403, 404, 410)]
    private static async Task<Results<FileStreamHttpResult, ErrorResult>> GetAsync(
        string key, HttpRequest request, UrlSigner signer, IBlobStore blobs, TimeProvider time, CancellationToken cancellationToken)
    {
        var signature = request.Query["signature"].ToString();
        var check = long.TryParse(request.Query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            ? await signer.VerifyAsync(key, expires, signature, request.Query["kid"].ToString(), cancellationToken)
            : SignatureCheck.Invalid;
        if (check == SignatureCheck.Retired)
        {
            return ErrorResult.Of(StatusCodes.Status403Forbidden, "signing_key_retired",
                "this file URL was signed with a key that has been retired; read the job again for a fresh URL");
        }

        if (check != SignatureCheck.Valid)
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
        return TypedResults.Stream(
            blob.Stream, blob.ContentType, fileDownloadName: null, blob.LastModified, etag, enableRangeProcessing: true);
    }
}
