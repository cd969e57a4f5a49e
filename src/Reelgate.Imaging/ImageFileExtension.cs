namespace Reelgate.Imaging;

/// <summary>The file extension for a normalised image's content type, so stored blobs say what they are.</summary>
public static class ImageFileExtension
{
    public static string For(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".jpg",
    };
}
