namespace Reelgate.Client.Models;

/// <summary>One output file. The video fields are null on the poster image; role is null on the video.</summary>
public sealed record JobOutput(
    string Type,
    string? Role,
    string Url,
    string ContentType,
    int Width,
    int Height,
    double? DurationSeconds,
    double? Fps,
    bool? HasAudio,
    long Bytes);
