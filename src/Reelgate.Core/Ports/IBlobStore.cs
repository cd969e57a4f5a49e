namespace Reelgate.Core.Ports;

/// <summary>Where outputs, inputs and uploads live: a folder on disk, or an S3 bucket.</summary>
public interface IBlobStore
{
    /// <summary>Stores a finished local file under the key (a disk store may move it; the file is gone afterwards).</summary>
    Task PutFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken);

    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>A readable, seekable stream of the blob, or null when there is none.</summary>
    Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every blob whose key starts with the prefix (a job's folder).</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>A URL the store serves itself (S3 presigned), or null when the API must serve the blob.</summary>
    Uri? DirectDownloadUrl(string key, string contentType, DateTimeOffset expiresAt);
}
