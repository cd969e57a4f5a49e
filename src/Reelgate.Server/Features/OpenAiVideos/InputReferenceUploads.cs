using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;
using Reelgate.Imaging;
using Reelgate.Imaging.Normalizing;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// An <c>input_reference</c> file becomes an upload of the key, normalised as POST /v1/uploads does; its
/// <c>upl_…</c> id then goes through the submission like any image reference (and retention sweeps it like any upload).
/// </summary>
public sealed class InputReferenceUploads(
    ImageNormalizer normalizer,
    IBlobStore blobs,
    IUploadStore uploads,
    TimeProvider time)
{
    public async Task<Outcome<string>> StoreAsync(string file, string keyId, CancellationToken cancellationToken)
    {
        var normalizedPath = file + ".normalized";
        var normalized = await normalizer.NormalizeAsync(file, VideoForm.InputReferenceField, normalizedPath, cancellationToken);
        if (!normalized.Succeeded)
        {
            return normalized.Failure;
        }

        var image = normalized.Value;
        var now = time.GetUtcNow();
        var id = Ids.New(Ids.UploadPrefix, now);
        var blobKey = $"uploads/{id}{ImageFileExtension.For(image.ContentType)}";
        await blobs.PutFileAsync(blobKey, image.Path, image.ContentType, cancellationToken);
        await uploads.CreateAsync(new Upload(id, keyId, blobKey, image.ContentType, image.Width, image.Height, image.Bytes,
            image.OriginalWidth, image.OriginalHeight, now), cancellationToken);
        return id;
    }
}
