namespace Reelgate.Imaging.Media;

/// <summary>
/// Where ffmpeg and ffprobe are for the media probe and the poster extractor, read from the local engine's
/// section "Reelgate:Ffmpeg" (one setting for every user of the tools).
/// </summary>
public sealed class MediaToolsOptions
{
    public const string SectionName = "Reelgate:Ffmpeg";

    /// <summary>The ffmpeg executable: a name on PATH or a full path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a name on PATH or a full path.</summary>
    public string FfprobePath { get; set; } = "ffprobe";
}
