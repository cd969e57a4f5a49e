namespace Reelgate.Imaging;

/// <summary>The contract's numbers for input images ("Uploaded and fetched images").</summary>
public static class ImageLimits
{
    /// <summary>A fetched URL, a data URI's decoded bytes or an upload: at most 50 MiB.</summary>
    public const long MaxInputBytes = 50L * 1024 * 1024;

    /// <summary>Pixels declared in the header; past this the image is refused before it is decoded.</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>A short side below this is upscaled to it.</summary>
    public const int MinShortSide = 300;

    /// <summary>A long side above this is downscaled to it.</summary>
    public const int MaxLongSide = 4000;

    /// <summary>A normalised image over this is recompressed as JPEG at lower quality until under.</summary>
    public const long MaxOutputBytes = 10L * 1024 * 1024;

    /// <summary>Redirects followed, each hop checked again.</summary>
    public const int MaxRedirects = 3;
}
