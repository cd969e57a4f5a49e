namespace Reelgate.Client.Models;

/// <summary>A stored, normalised image: pass <see cref="Id"/> as a request's image or image_end. <see cref="Url"/> is signed and
/// expires.</summary>
public sealed record Upload(
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
