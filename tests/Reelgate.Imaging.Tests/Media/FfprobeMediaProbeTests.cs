using Microsoft.Extensions.Options;
using Reelgate.Imaging.Media;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests.Media;

public sealed class FfprobeMediaProbeTests
{
    [Fact]
    public async Task Probe_reads_size_rate_frames_and_codecs_when_file_has_video_and_audio()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("probe");
        var path = temp.File("sample.mp4");
        await TestMedia.WriteClipAsync(path, "320x240", withAudio: true, ct);
        var probe = new FfprobeMediaProbe(Options.Create(new MediaToolsOptions()));

        var info = await probe.ProbeAsync(path, ct);

        info.Width.ShouldBe(320);
        info.Height.ShouldBe(240);
        info.Fps.ShouldBe(24, 0.001);
        info.FrameCount.ShouldBe(24);
        info.VideoCodec.ShouldBe("h264");
        info.PixelFormat.ShouldBe("yuv420p");
        info.AudioCodec.ShouldBe("aac");
        info.AudioSampleRate.ShouldBe(48000);
        info.AudioChannels.ShouldBe(2);
        info.HasAudio.ShouldBeTrue();
        info.DurationSeconds.ShouldBe(1, 0.1);
        info.Bytes.ShouldBe(new FileInfo(path).Length);
        info.FormatName.ShouldContain("mp4");
    }

    [Fact]
    public async Task Probe_throws_when_file_is_not_media()
    {
        using var temp = new TempDirectory("probe");
        var path = temp.File("not-media.mp4");
        await File.WriteAllTextAsync(path, "hello", TestContext.Current.CancellationToken);
        var probe = new FfprobeMediaProbe(Options.Create(new MediaToolsOptions()));

        await Should.ThrowAsync<InvalidDataException>(() => probe.ProbeAsync(path, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("poster.jpg", "mjpeg")]
    [InlineData("poster.png", "png")]
    public async Task Probe_reads_a_still_image_in_process_without_starting_ffprobe(string name, string codec)
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("probe");
        var path = temp.File(name);
        await TestMedia.WriteStillAsync(path, "testsrc2=size=424x240", ct);
        // An ffprobe that does not exist: the image must be read without it.
        var probe = new FfprobeMediaProbe(Options.Create(new MediaToolsOptions { FfprobePath = temp.File("no-such-ffprobe") }));

        var info = await probe.ProbeAsync(path, ct);

        (info.Width, info.Height).ShouldBe((424, 240));
        info.VideoCodec.ShouldBe(codec);
        info.HasAudio.ShouldBeFalse();
        info.Bytes.ShouldBe(new FileInfo(path).Length);
    }

    [Theory]
    [InlineData("hls")]
    [InlineData("concat")]
    public async Task Probe_throws_and_opens_no_url_when_the_file_is_a_playlist_posing_as_an_MP4(string kind)
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("probe");
        await using var listener = LoopbackHttpServer.Start();
        var clip = temp.File("clip.mp4");
        await TestMedia.WriteClipAsync(clip, "160x120", withAudio: false, ct);
        listener.MapBytes("/segment.mp4", await File.ReadAllBytesAsync(clip, ct), "video/mp4");
        var target = listener.Url("/segment.mp4").AbsoluteUri;
        var path = temp.File("output.mp4");
        await File.WriteAllTextAsync(path, kind == "hls"
            ? $"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n{target}\n#EXT-X-ENDLIST\n"
            : $"ffconcat version 1.0\nfile '{target}'\n", ct);
        var probe = new FfprobeMediaProbe(Options.Create(new MediaToolsOptions()));

        await Should.ThrowAsync<InvalidDataException>(() => probe.ProbeAsync(path, ct));

        listener.ConnectionCount.ShouldBe(0);
    }
}
