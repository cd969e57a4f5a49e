namespace Reelgate.Server.Features.Uploads;

/// <summary>A stored, normalised upload: its id (usable as <c>image</c>/<c>image_end</c>) and a signed URL.</summary>
public sealed record UploadResponse(
    string Id,
    string Object,
    string Url,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    int OriginalWidth,
    int OriginalHeight,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
