namespace Reelgate.Storage.S3;

/// <summary>The content type of a blob by its key's extension, for objects stored without one.</summary>
internal static class BlobContentTypes
{
    public static string Of(string key) => Path.GetExtension(key).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };
}
