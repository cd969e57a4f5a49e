using System.Buffers;

namespace Reelgate.Core.Validation;

/// <summary>The three forms an image input may take on the wire.</summary>
public enum ImageReferenceKind
{
    Url,
    DataUri,
    Upload,
}

/// <summary>Tells the forms of an <c>image</c>/<c>image_end</c> value apart; nothing is fetched here.</summary>
public static class ImageReference
{
    public const string UploadIdPrefix = "upl_";
    public const int MaxUrlLength = 4096;

    public static ImageReferenceKind? Classify(string value)
    {
        if (value.StartsWith(UploadIdPrefix, StringComparison.Ordinal) && value.Length <= 64
            && value.AsSpan(UploadIdPrefix.Length).ContainsAnyExcept(UploadIdChars) is false
            && value.Length > UploadIdPrefix.Length)
        {
            return ImageReferenceKind.Upload;
        }

        if (value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
            && value.Contains(";base64,", StringComparison.OrdinalIgnoreCase))
        {
            return ImageReferenceKind.DataUri;
        }

        if (value.Length <= MaxUrlLength
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host))
        {
            return ImageReferenceKind.Url;
        }

        return null;
    }

    private static readonly SearchValues<char> UploadIdChars =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
}
