namespace Reelgate.Core.Jobs;

/// <summary>A normalised input image as stored for the engine, with the size it arrived in.</summary>
public sealed record JobInput(
    string Role,
    string BlobKey,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    int OriginalWidth,
    int OriginalHeight)
{
    public const string ImageRole = "image";
    public const string ImageEndRole = "image_end";
}
