namespace Reelgate.Imaging.Media;

/// <summary>How ffmpeg and ffprobe open a media file that is not a still image.</summary>
public static class Mp4Input
{
    /// <summary>
    /// Input options that read the file as MP4 (the mov demuxer) and open nothing but the file itself, so a downloaded
    /// "MP4" that is really an HLS playlist or a concat list pointing at a URL cannot make ffmpeg or ffprobe fetch it.
    /// </summary>
    public static readonly IReadOnlyList<string> FileOnly = ["-protocol_whitelist", "file,pipe", "-f", "mov"];
}
