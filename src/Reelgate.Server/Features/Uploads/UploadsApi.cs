using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Uploads;
using Reelgate.Imaging;
using Reelgate.Imaging.Normalizing;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;

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
            .DisableAntiforgery();
        return v1;
    }

    [ProducesErrors(400, 413, 415, 422, 429)]
    private static async Task<Results<Created<UploadResponse>, ErrorResult>> UploadAsync(
        HttpContext http, [AsParameters] UploadServices services, CancellationToken cancellationToken)
    {
        // The cheap check first: a key at its cap is refused before its body is read.
        if (http.ApiKey().Limits.UploadBytes is { } cap
            && await services.Quotas.GetUsageAsync(http.User.KeyId(), cancellationToken) is { } usage
            && usage.UsedBytes >= cap)
        {
            return ErrorResult.From(OverQuota(
                new UploadQuotaOutcome.OverQuota(usage.UsedBytes, cap, usage.OldestAt), services.Options.Value, services.Time));
        }

        var boundary = MultipartBoundary.Of(http.Request.ContentType);
        if (boundary is null)
        {
            return ErrorResult.From(new Failure(FailureKind.UnsupportedMediaType, "unsupported_media_type",
                "send the image as multipart/form-data with the file in the field 'file'"));
        }

        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        var scratch = services.Options.Value.DataPath("work", $"upload-{Guid.NewGuid():N}");
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
                var normalized = await services.Normalizer.NormalizeAsync(
                    section.Body, FileField, Path.Combine(scratch, "image"), cancellationToken);
                if (!normalized.Succeeded)
                {
                    return ErrorResult.From(normalized.Failure);
                }

                return await StoreAsync(http, normalized.Value, services, cancellationToken);
            }
        }
        catch (InvalidDataException e)
        {
            return ErrorResult.From(new Failure(
                FailureKind.BadRequest, "invalid_multipart", $"the multipart body could not be read: {e.Message}"));
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

    private static async Task<Results<Created<UploadResponse>, ErrorResult>> StoreAsync(
        HttpContext http, NormalizedImage image, UploadServices services, CancellationToken cancellationToken)
    {
        var (blobs, options, time) = (services.Blobs, services.Options.Value, services.Time);
        var now = time.GetUtcNow();
        var id = Ids.New(Ids.UploadPrefix, now);
        var blobKey = $"uploads/{id}{ImageFileExtension.For(image.ContentType)}";
        await blobs.PutFileAsync(blobKey, image.Path, image.ContentType, cancellationToken);
        var upload = new Upload(id, http.User.KeyId(), blobKey, image.ContentType, image.Width, image.Height, image.Bytes,
            image.OriginalWidth, image.OriginalHeight, now);
        if (await services.Quotas.CreateWithinQuotaAsync(upload, http.ApiKey().Limits.UploadBytes, cancellationToken)
            is UploadQuotaOutcome.OverQuota over)
        {
            await blobs.DeleteAsync(blobKey, CancellationToken.None);
            return ErrorResult.From(OverQuota(over, options, time, image.Bytes));
        }

        var expiresAt = now + options.OutputRetention;
        return TypedResults.Created($"/v1/uploads/{id}", new UploadResponse(
            id, "upload", services.Urls.For(http.Request, blobKey, image.ContentType, expiresAt), image.ContentType, image.Width,
            image.Height, image.Bytes, image.OriginalWidth, image.OriginalHeight, now, expiresAt));
    }

    /// <summary>
    /// 429 while the key's stored uploads fill its cap (space frees as they pass their retention, hence Retry-After);
    /// 413 for an image larger than the whole cap, which waiting cannot help.
    /// </summary>
    private static Failure OverQuota(UploadQuotaOutcome.OverQuota over, ReelgateOptions options, TimeProvider time, long? bytes = null)
    {
        if (bytes > over.LimitBytes)
        {
            return new Failure(FailureKind.PayloadTooLarge, "upload_larger_than_quota",
                $"the normalised image is {bytes} bytes, more than this key's upload cap of {over.LimitBytes} bytes", FileField);
        }

        var freesAt = (over.OldestAt ?? time.GetUtcNow()) + options.OutputRetention;
        return new Failure(FailureKind.RateLimited, "upload_quota_exceeded",
            $"this key stores {over.UsedBytes} bytes of uploads of the {over.LimitBytes} it may; "
            + $"uploads are removed {options.OutputRetention.TotalDays:0.##} days " +
            "after they are made, so retry after the Retry-After seconds, or ask an admin to raise limits.upload_bytes")
        {
            RetryAfter = freesAt - time.GetUtcNow() is { } wait && wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1),
        };
    }
}
