using CliWrap;

namespace Reelgate.Testing;

/// <summary>Pictures and clips made with ffmpeg's lavfi test sources, for tests that upload, probe or decode real media.</summary>
public static class TestMedia
{
    /// <summary>One frame of a lavfi source (e.g. <c>testsrc2=size=320x240</c>), in the format the path's extension names.</summary>
    public static async Task WriteStillAsync(string path, string source, CancellationToken cancellationToken) =>
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", source, "-frames:v", "1", path])
            .ExecuteAsync(cancellationToken);

    /// <summary>
    /// A one-second H.264 MP4 of <c>testsrc2</c> at 24 fps in yuv420p; with audio, a 440 Hz stereo AAC tone at 48 kHz
    /// (the shape a probe test reads back field by field).
    /// </summary>
    public static async Task WriteClipAsync(string path, string size, bool withAudio, CancellationToken cancellationToken)
    {
        List<string> arguments = ["-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration=1"];
        if (withAudio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1", "-ac", "2"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-pix_fmt", "yuv420p"]);
        if (withAudio)
        {
            arguments.AddRange(["-c:a", "aac", "-shortest"]);
        }

        arguments.Add(path);
        await Cli.Wrap("ffmpeg").WithArguments(arguments).ExecuteAsync(cancellationToken);
    }
}
