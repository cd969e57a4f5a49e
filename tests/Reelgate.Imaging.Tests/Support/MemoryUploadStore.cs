using System.Collections.Concurrent;
using Reelgate.Core.Ports;
using Reelgate.Core.Uploads;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>Upload records in a dictionary; another key's upload is not found, as the port says.</summary>
internal sealed class MemoryUploadStore : IUploadStore
{
    private readonly ConcurrentDictionary<string, Upload> _uploads = new(StringComparer.Ordinal);

    public Task CreateAsync(Upload upload, CancellationToken cancellationToken)
    {
        _uploads[upload.Id] = upload;
        return Task.CompletedTask;
    }

    public Task<Upload?> GetAsync(string uploadId, string keyId, CancellationToken cancellationToken) =>
        Task.FromResult(_uploads.TryGetValue(uploadId, out var upload) && upload.KeyId == keyId ? upload : null);
}
