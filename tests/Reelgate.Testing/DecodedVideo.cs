using System.Globalization;
using System.Security.Cryptography;
using CliWrap;
using CliWrap.Buffered;

namespace Reelgate.Testing;

/// <summary>
/// Reads what a video file decodes to, with the system's ffmpeg (independent of the code under test):
/// frames as RGB24, audio as PCM, framemd5 lines, and SSIM of a frame against an image.
/// </summary>
public static class DecodedVideo
{
    /// <summary>Decodes every frame (optionally scaled down) and hands each RGB24 frame to <paramref name="onFrame"/>, one at a
    /// time.</summary>
    public static async Task ReadFramesAsync(
        string path, int width, int height, Action<int, byte[]> onFrame, CancellationToken cancellationToken, string? filter = null)
    {
        var frameSize = width * height * 3;
        var buffer = new byte[frameSize];
        var filled = 0;
        var index = 0;
        var vf = filter is null ? $"scale={width}:{height}:flags=area" : $"{filter},scale={width}:{height}:flags=area";
        var target = PipeTarget.Create(async (stream, ct) =>
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled, frameSize - filled), ct)) > 0)
            {
                filled += read;
                if (filled == frameSize)
                {
                    onFrame(index++, buffer);
                    filled = 0;
                }
            }
        });
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-i", path, "-vf", vf, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"])
            .WithStandardOutputPipe(target)
            .ExecuteAsync(cancellationToken);
    }

    /// <summary>The decoded audio as interleaved stereo 48 kHz floats (-1..1).</summary>
    public static async Task<float[]> ReadAudioAsync(string path, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-i", path, "-map", "0:a:0", "-f", "f32le", "-ac", "2", "-ar", "48000", "pipe:1"])
            .WithStandardOutputPipe(PipeTarget.ToStream(memory))
            .ExecuteAsync(cancellationToken);
        var bytes = memory.ToArray();
        var samples = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 4);
        return samples;
    }

    /// <summary>ffmpeg's framemd5 of the decoded video: one hash per frame.</summary>
    public static async Task<IReadOnlyList<string>> FrameMd5Async(string path, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-i", path, "-map", "0:v:0", "-f", "framemd5", "pipe:1"])
            .ExecuteBufferedAsync(cancellationToken);
        return result.StandardOutput.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(',').Last().Trim())
            .ToList();
    }

    /// <summary>SHA-256 of the decoded audio samples (s16le).</summary>
    public static async Task<string> AudioHashAsync(string path, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-i", path, "-map", "0:a:0", "-f", "s16le", "pipe:1"])
            .WithStandardOutputPipe(PipeTarget.ToStream(memory))
            .ExecuteAsync(cancellationToken);
        return Convert.ToHexString(SHA256.HashData(memory.ToArray()));
    }

    /// <summary>
    /// SSIM (ffmpeg's ssim filter, "All") between frame <paramref name="frameIndex"/> of the video and an image
    /// fitted to the video's size by cover-cropping (scale to cover, centre crop), done by ffmpeg itself.
    /// </summary>
    public static async Task<double> SsimToImageAsync(
        string video,
        int frameIndex,
        string image,
        int width,
        int height,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var graph = string.Create(
            c,
            $"[0:v]select=eq(n\\,{frameIndex}),setpts=PTS-STARTPTS,format=yuv420p[a];" +
                $"[1:v]scale={width}:{height}:force_original_aspect_ratio=increase:flags=bicubic,crop={width}:{height},format=yuv420p[b];" +
                $"[a][b]ssim");
        var result = await Cli.Wrap("ffmpeg")
            .WithArguments([
                "-v",
                "info",
                "-nostats",
                "-i",
                video,
                "-i",
                image,
                "-filter_complex",
                graph,
                "-frames:v",
                "1",
                "-f",
                "null",
                "-"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        var line = result.StandardError.Split('\n').LastOrDefault(l => l.Contains(" All:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"ffmpeg printed no SSIM: {result.StandardError}");
        var all = line[(line.IndexOf(" All:", StringComparison.Ordinal) + 5)..].Trim().Split(' ')[0];
        return double.Parse(all, c);
    }
}
