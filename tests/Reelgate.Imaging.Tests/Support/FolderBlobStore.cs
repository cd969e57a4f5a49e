using Reelgate.Core.Ports;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>A test-only blob store over a temp folder (until the storage project's disk store is committed).</summary>
internal sealed class FolderBlobStore(string root) : IBlobStore
{
    public string PathOf(string key) => Path.Combine(root, key);

    public Task PutFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(localPath, target, overwrite: true);
        File.WriteAllText(target + ".type", contentType);
        return Task.CompletedTask;
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var file = File.Create(target))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        await File.WriteAllTextAsync(target + ".type", contentType, cancellationToken);
    }

    public Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return Task.FromResult<BlobContent?>(null);
        }

        var stream = File.OpenRead(path);
        return Task.FromResult<BlobContent?>(new BlobContent(stream, stream.Length, File.ReadAllText(path + ".type"), File.GetLastWriteTimeUtc(path)));
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var folder = PathOf(prefix);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Uri? DirectDownloadUrl(string key, string contentType, DateTimeOffset expiresAt) => null;
}
