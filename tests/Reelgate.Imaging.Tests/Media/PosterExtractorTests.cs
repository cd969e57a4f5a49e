using Microsoft.Extensions.Options;
using Reelgate.Imaging.Media;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests.Media;

public sealed class PosterExtractorTests
{
    [Fact]
    public async Task Extract_writes_a_jpeg_of_the_first_frame_when_file_is_a_video()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("poster");
        var video = temp.File("clip.mp4");
        await TestMedia.WriteClipAsync(video, "320x180", withAudio: false, ct);
        var poster = temp.File("poster.jpg");

        var written = await new PosterExtractor(Options.Create(new MediaToolsOptions())).ExtractAsync(video, poster, ct);

        written.ShouldBeTrue();
        var info = await new FfprobeMediaProbe(Options.Create(new MediaToolsOptions())).ProbeAsync(poster, ct);
        (info.Width, info.Height, info.VideoCodec).ShouldBe((320, 180, "mjpeg"));
    }

    [Fact]
    public async Task Extract_returns_false_when_file_is_not_a_video()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory("poster");
        var video = temp.File("not-a-video.mp4");
        await File.WriteAllTextAsync(video, "<html>not found</html>", ct);

        var written = await new PosterExtractor(Options.Create(new MediaToolsOptions())).ExtractAsync(video, temp.File("poster.jpg"), ct);

        written.ShouldBeFalse();
    }
}
