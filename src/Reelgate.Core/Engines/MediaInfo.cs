namespace Reelgate.Core.Engines;

/// <summary>What a probe read from a media file.</summary>
public sealed record MediaInfo(
    string FormatName,
    int Width,
    int Height,
    double DurationSeconds,
    double Fps,
    long? FrameCount,
    string? VideoCodec,
    string? PixelFormat,
    string? AudioCodec,
    int? AudioSampleRate,
    int? AudioChannels,
    long Bytes)
{
    public bool HasAudio => AudioCodec is not null;
}
