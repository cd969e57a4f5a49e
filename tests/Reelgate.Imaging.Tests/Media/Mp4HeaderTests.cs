using CliWrap;
using CliWrap.Buffered;
using Reelgate.Core.Engines;
using Reelgate.Imaging.Media;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests.Media;

public sealed class Mp4HeaderTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Read_agrees_with_ffprobe_when_file_is_h264_mp4(bool faststart, bool audio)
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("mp4-header");
        var path = temp.File("clip.mp4");
        List<string> arguments = ["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=24:duration=2"];
        if (audio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-ac", "2", "-c:a", "aac"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]);
        arguments.AddRange(faststart ? ["-movflags", "+faststart", path] : [path]);
        await Cli.Wrap("ffmpeg").WithArguments(arguments).ExecuteAsync(ct);

        var read = Mp4Header.Read(path).ShouldNotBeNull();
        var probed = await FfprobeAsync(path, ct);

        (read.Width, read.Height, read.FrameCount, read.VideoCodec, read.PixelFormat)
            .ShouldBe((probed.Width, probed.Height, probed.FrameCount, probed.VideoCodec, probed.PixelFormat));
        (read.AudioCodec, read.AudioSampleRate, read.AudioChannels)
            .ShouldBe((probed.AudioCodec, probed.AudioSampleRate, probed.AudioChannels));
        read.Fps.ShouldBe(probed.Fps, 0.001);
        read.DurationSeconds.ShouldBe(probed.DurationSeconds, 0.05);
        (read.Bytes, read.FormatName).ShouldBe((probed.Bytes, probed.FormatName));
    }

    [Fact]
    public async Task Read_leaves_the_pixel_format_to_ffprobe_when_chroma_is_not_420()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("mp4-header");
        var path = temp.File("clip444.mp4");
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24:duration=1", "-c:v", "libx264",
                "-pix_fmt", "yuv444p", path])
            .ExecuteAsync(ct);

        var read = Mp4Header.Read(path).ShouldNotBeNull();

        read.PixelFormat.ShouldBeNull();
        (await FfprobeAsync(path, ct)).PixelFormat.ShouldBe("yuv444p");
    }

    [Fact]
    public async Task Read_returns_null_when_file_is_cut_short_or_not_mp4()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("mp4-header");
        var path = temp.File("clip.mp4");
        var mkv = temp.File("clip.mkv");
        await Cli.Wrap("ffmpeg")
            .WithArguments(["-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=24:duration=1", "-c:v", "libx264",
                "-movflags", "+faststart", path])
            .ExecuteAsync(ct);
        await Cli.Wrap("ffmpeg").WithArguments(["-v", "error", "-i", path, "-c", "copy", mkv]).ExecuteAsync(ct);
        var cut = temp.File("cut.mp4");
        var bytes = await File.ReadAllBytesAsync(path, ct);
        await File.WriteAllBytesAsync(cut, bytes.AsMemory(0, bytes.Length - 1000), ct);

        Mp4Header.Read(cut).ShouldBeNull();
        Mp4Header.Read(mkv).ShouldBeNull();
    }

    private static async Task<MediaInfo> FfprobeAsync(string path, CancellationToken ct)
    {
        var result = await Cli.Wrap("ffprobe")
            .WithArguments(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path])
            .ExecuteBufferedAsync(ct);
        return FfprobeMediaProbe.Parse(result.StandardOutput, new FileInfo(path).Length);
    }
}
