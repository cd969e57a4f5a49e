using Microsoft.Extensions.Logging;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Imaging.Fetching;
using Reelgate.Imaging.Normalizing;

namespace Reelgate.Imaging;

/// <summary>
/// Resolves an <c>image</c>/<c>image_end</c> value at submission: a URL is fetched through the guarded
/// client, a data URI decoded, both normalised and stored under the job's blob key; an upload id (already
/// normalised when uploaded) is looked up for the key and its blob copied. Every refusal is a 422 naming
/// the param.
/// </summary>
internal sealed class ImageSource : IImageSource
{
    private readonly UrlImageFetcher _fetcher;
    private readonly ImageNormalizer _normalizer;
    private readonly IBlobStore _blobs;
    private readonly IUploadStore _uploads;
    private readonly ScratchSpace _scratch;
    private readonly ILogger<ImageSource> _logger;

    public ImageSource(UrlImageFetcher fetcher, ImageNormalizer normalizer, IBlobStore blobs, IUploadStore uploads,
        ScratchSpace scratch, ILogger<ImageSource> logger)
    {
        _fetcher = fetcher;
        _normalizer = normalizer;
        _blobs = blobs;
        _uploads = uploads;
        _scratch = scratch;
        _logger = logger;
    }

    public async Task<Outcome<JobInput>> ResolveAsync(ImageRequest image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        switch (ImageReference.Classify(image.Reference))
        {
            case ImageReferenceKind.Upload:
                return await FromUploadAsync(image, cancellationToken).ConfigureAwait(false);
            case ImageReferenceKind.Url:
            case ImageReferenceKind.DataUri:
                return await FetchAndNormalizeAsync(image, cancellationToken).ConfigureAwait(false);
            default:
                ImagingLog.ImageRefused(_logger, image.Param, ImageErrorCodes.InvalidReference);
                return Failure.Invalid(image.Param, ImageErrorCodes.InvalidReference,
                    $"{image.Param} must be an http(s) URL, a data:image/...;base64, URI, or an upload id from POST /v1/uploads");
        }
    }

    private async Task<Outcome<JobInput>> FetchAndNormalizeAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        var (reference, param, role, blobKey, _) = request;
        var input = _scratch.NewPath(".in");
        var output = _scratch.NewPath(".out");
        try
        {
            var fetched = ImageReference.Classify(reference) == ImageReferenceKind.Url
                ? await _fetcher.FetchAsync(new Uri(reference, UriKind.Absolute), param, input, cancellationToken).ConfigureAwait(false)
                : await DataUriDecoder.DecodeToFileAsync(reference, param, input, cancellationToken).ConfigureAwait(false);
            if (!fetched.Succeeded)
            {
                return fetched.Failure;
            }

            var normalized = await _normalizer.NormalizeAsync(input, param, output, cancellationToken).ConfigureAwait(false);
            if (!normalized.Succeeded)
            {
                return normalized.Failure;
            }

            var image = normalized.Value;
            _scratch.Delete(input);
            var key = blobKey + ImageFileExtension.For(image.ContentType);
            await _blobs.PutFileAsync(key, output, image.ContentType, cancellationToken).ConfigureAwait(false);
            return new JobInput(
                role, key, image.ContentType, image.Width, image.Height, image.Bytes, image.OriginalWidth, image.OriginalHeight);
        }
        finally
        {
            _scratch.Delete(input);
            _scratch.Delete(output);
        }
    }

    private async Task<Outcome<JobInput>> FromUploadAsync(ImageRequest request, CancellationToken cancellationToken)
    {
        var (uploadId, param, role, blobKey, keyId) = request;
        var upload = await _uploads.GetAsync(uploadId, keyId, cancellationToken).ConfigureAwait(false);
        var content = upload is null ? null : await _blobs.OpenReadAsync(upload.BlobKey, cancellationToken).ConfigureAwait(false);
        if (upload is null || content is null)
        {
            ImagingLog.ImageRefused(_logger, param, ImageErrorCodes.UploadNotFound);
            return Failure.Invalid(param, ImageErrorCodes.UploadNotFound,
                $"{param}: unknown upload id {Failure.Printable(uploadId)}; upload the image with POST /v1/uploads using this key");
        }

        var key = blobKey + ImageFileExtension.For(upload.ContentType);
        await using (content.ConfigureAwait(false))
        {
            await _blobs.PutAsync(key, content.Stream, upload.ContentType, cancellationToken).ConfigureAwait(false);
        }

        return new JobInput(
            role, key, upload.ContentType, upload.Width, upload.Height, upload.Bytes, upload.OriginalWidth, upload.OriginalHeight);
    }
}
