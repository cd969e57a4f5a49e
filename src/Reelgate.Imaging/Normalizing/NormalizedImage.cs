namespace Reelgate.Imaging.Normalizing;

/// <summary>A normalised image written to <see cref="Path"/>, with the size it arrived in (as displayed, after EXIF orientation).</summary>
public sealed record NormalizedImage(
    string Path,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    int OriginalWidth,
    int OriginalHeight);
