namespace Reelgate.Engines.Upstream.Media;

/// <summary>Where ffmpeg is, read from the local engine's section "Reelgate:Ffmpeg" (one setting for both).</summary>
public sealed class PosterOptions
{
    public const string SectionName = "Reelgate:Ffmpeg";

    public string FfmpegPath { get; set; } = "ffmpeg";
}
