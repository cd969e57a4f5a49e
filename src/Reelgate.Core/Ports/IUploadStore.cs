using Reelgate.Core.Uploads;

namespace Reelgate.Core.Ports;

/// <summary>The records of uploaded images (their bytes are in the blob store).</summary>
public interface IUploadStore
{
    Task CreateAsync(Upload upload, CancellationToken cancellationToken);

    /// <summary>The upload when it exists and belongs to the key; another key's upload is not found.</summary>
    Task<Upload?> GetAsync(string uploadId, string keyId, CancellationToken cancellationToken);
}
