using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;
using Reelgate.Imaging;
using Reelgate.Imaging.Normalizing;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Files;

namespace Reelgate.Server.Features.Uploads;

/// <summary>
/// POST /v1/uploads: one image in the multipart field <c>file</c>, streamed (never buffered whole) into the
/// normaliser with the 50 MiB cap counted as it arrives; the normalised image is stored for the key.
/// </summary>
public static class UploadsApi
{
    public const string FileField = "file";

    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder v1)
    {
        v1.MapPost("/uploads", UploadAsync)
            .WithName("CreateUpload").WithSummary("Upload an image (multipart field 'file'); its id works as image or image_end")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .Produces<UploadResponse>(StatusCodes.Status201Created).ProducesErrors(400, 401, 413, 415, 422);
        return v1;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http,
        ImageNormalizer normalizer,
        IBlobStore blobs,
        IUploadStore uploads,
        OutputUrls urls,
        IOptions<ReelgateOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var boundary = Boundary(http.Request.ContentType);
        if (boundary is null)
        {
            return ErrorResult.From(new Failure(FailureKind.UnsupportedMediaType, "unsupported_media_type",
                "send the image as multipart/form-data with the file in the field 'file'"));
        }

        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        var scratch = options.Value.DataPath("work", $"upload-{Guid.NewGuid():N}");
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition() || !string.Equals(disposition.Name.Value, FileField, StringComparison.Ordinal))
                {
                    continue;
                }

                Directory.CreateDirectory(scratch);
                var normalized = await normalizer.NormalizeAsync(section.Body, FileField, Path.Combine(scratch, "image"), cancellationToken);
                if (!normalized.Succeeded)
                {
                    return ErrorResult.From(normalized.Failure);
                }

                return await StoreAsync(http, normalized.Value, blobs, uploads, urls, options.Value, time, cancellationToken);
            }
        }
        catch (InvalidDataException e)
        {
            return ErrorResult.From(new Failure(FailureKind.BadRequest, "invalid_multipart", $"the multipart body could not be read: {e.Message}"));
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return ErrorResult.From(Failure.Invalid(FileField, "missing_parameter", "send the image in the multipart field 'file'"));
    }

    private static async Task<IResult> StoreAsync(
        HttpContext http, NormalizedImage image, IBlobStore blobs, IUploadStore uploads, OutputUrls urls, ReelgateOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = Ids.New(Ids.UploadPrefix, now);
        var blobKey = $"uploads/{id}{ImageFileExtension.For(image.ContentType)}";
        await blobs.PutFileAsync(blobKey, image.Path, image.ContentType, cancellationToken);
        var upload = new Upload(id, http.User.KeyId(), blobKey, image.ContentType, image.Width, image.Height, image.Bytes,
            image.OriginalWidth, image.OriginalHeight, now);
        await uploads.CreateAsync(upload, cancellationToken);
        var expiresAt = now + options.OutputRetention;
        return TypedResults.Created($"/v1/uploads/{id}", new UploadResponse(
            id, "upload", urls.For(http.Request, blobKey, image.ContentType, expiresAt), image.ContentType, image.Width, image.Height,
            image.Bytes, image.OriginalWidth, image.OriginalHeight, now, expiresAt));
    }

    private static string? Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > 200 ? null : boundary;
    }
}
