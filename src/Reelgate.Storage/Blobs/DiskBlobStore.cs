using Reelgate.Core.Ports;

namespace Reelgate.Storage.Blobs;

/// <summary>
/// Blobs as files under one folder; keys are relative paths. Writes go to a temporary name and are
/// renamed into place, so a reader never sees half a file and a crash leaves no half blob behind.
/// </summary>
public sealed class DiskBlobStore : IBlobStore
{
    private const string PartialSuffix = ".partial";
    private readonly string _root;

    public DiskBlobStore(string rootDirectory)
    {
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    public async Task PutFileAsync(string key, string localPath, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(localPath, target, overwrite: true);
        }
        catch (IOException)
        {
            // Another filesystem: copy through a temporary name instead.
            await using (var source = File.OpenRead(localPath))
            {
                await PutAsync(key, source, contentType, cancellationToken);
            }

            File.Delete(localPath);
        }
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + "." + Guid.NewGuid().ToString("N") + PartialSuffix;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<BlobContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
#pragma warning disable IDISP001 // the stream is handed to the caller inside BlobContent
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
#pragma warning restore IDISP001
            var info = new FileInfo(path);
            return Task.FromResult<BlobContent?>(new BlobContent(stream, stream.Length, ContentTypeOf(key), info.LastWriteTimeUtc));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobContent?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var path = PathOf(prefix.TrimEnd('/'));
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        return Task.CompletedTask;
    }

    public Uri? DirectDownloadUrl(string key, string contentType, DateTimeOffset expiresAt) => null;

    /// <summary>Maps a key to a path inside the root, refusing anything that would leave it.</summary>
    private string PathOf(string key)
    {
        if (key.Length == 0 || key.Contains('\\', StringComparison.Ordinal) || key.Contains("..", StringComparison.Ordinal)
            || key.StartsWith('/') || key.Any(char.IsControl))
        {
            throw new ArgumentException($"'{key}' is not a valid blob key", nameof(key));
        }

        var full = Path.GetFullPath(Path.Combine(_root, key));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{key}' is not a valid blob key", nameof(key));
    }

    private static string ContentTypeOf(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
