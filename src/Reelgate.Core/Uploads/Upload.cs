namespace Reelgate.Core.Uploads;

/// <summary>An image a key uploaded, stored already normalised.</summary>
public sealed record Upload(
    string Id,
    string KeyId,
    string BlobKey,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    int OriginalWidth,
    int OriginalHeight,
    DateTimeOffset CreatedAt);
