namespace Reelgate.Engines.Local.Encoding;

/// <summary>One encode: the frame size and count, the raw PCM soundtrack (or none), and where the MP4 and the poster go.</summary>
public sealed record EncodeRequest(
    int Width,
    int Height,
    int FrameCount,
    string? AudioPath,
    string OutputPath,
    string PosterPath,
    int PosterFrame,
    int Fps = FfmpegArguments.FramesPerSecond);
