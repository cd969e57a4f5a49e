using System.Globalization;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// ffmpeg's arguments as a list (never one string): raw YUV 4:2:0 frames on stdin at the clip's fps (24 unless the card says), optionally
/// raw PCM
/// (s16le, 48 kHz, stereo) from a file, encoded to H.264 yuv420p (libx264) with AAC 48 kHz stereo,
/// exactly the frames written to stdin, in an MP4 with the index up front (+faststart).
/// </summary>
public static class FfmpegArguments
{
    public const int FramesPerSecond = 24;
    public const int Crf = 20;

    public static IReadOnlyList<string> Encode(
        int width, int height, string? audioPath, string preset, int threads, string outputPath, int fps = FramesPerSecond)
    {
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-nostats", "-y",
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", $"{width}x{height}",
            "-framerate", fps.ToString(c), "-i", "pipe:0",
        };
        if (audioPath is not null)
        {
            arguments.AddRange(["-f", "s16le", "-ar", "48000", "-ac", "2", "-i", audioPath]);
        }

        arguments.AddRange(["-map", "0:v:0"]);
        if (audioPath is not null)
        {
            arguments.AddRange(["-map", "1:a:0"]);
        }

        arguments.AddRange(VideoCodec(preset, threads));
        // Exactly frameCount frames arrive on stdin; "-frames:v" is not used because it cuts the audio short.
        arguments.AddRange(["-r", fps.ToString(c)]);
        arguments.AddRange(audioPath is null ? ["-an"] : ["-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2"]);
        arguments.AddRange(["-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4", outputPath]);
        return arguments;
    }

    /// <summary>The video codec settings, shared with the benchmark's baseline so both encode alike; threads 0: x264 chooses.</summary>
    public static IReadOnlyList<string> VideoCodec(string preset, int threads)
    {
        var c = CultureInfo.InvariantCulture;
        List<string> codec = ["-c:v", "libx264", "-preset", preset, "-crf", Crf.ToString(c), "-pix_fmt", "yuv420p"];
        if (threads > 0)
        {
            codec.AddRange(["-threads", threads.ToString(c)]);
        }

        return codec;
    }
}
