using Reelgate.Core.Uploads;

namespace Reelgate.Core.Ports;

/// <summary>Uploads counted against a key's cap on stored upload bytes (same store as <see cref="IUploadStore"/>).</summary>
public interface IUploadQuotaStore
{
    /// <summary>
    /// Stores the record when the key's stored uploads plus this one stay within <paramref name="limitBytes"/>
    /// (checked and stored atomically; null: no cap).
    /// </summary>
    Task<UploadQuotaOutcome> CreateWithinQuotaAsync(Upload upload, long? limitBytes, CancellationToken cancellationToken);

    /// <summary>The bytes of the key's stored uploads and when its oldest was made (null when it has none).</summary>
    Task<UploadUsage> GetUsageAsync(string keyId, CancellationToken cancellationToken);
}
