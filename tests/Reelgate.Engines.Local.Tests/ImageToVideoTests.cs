using Reelgate.Core.Engines;
using Reelgate.Testing;
using SkiaSharp;

namespace Reelgate.Engines.Local.Tests;

[Collection(RenderCollection.Name)]
public sealed class ImageToVideoTests
{
    /// <summary>Largest mean absolute change (0..255 per channel, frames decoded at 160x90) allowed between consecutive frames.</summary>
    private const double MaxJump = 12;

    [Theory]
    [InlineData("none", "16:9")]
    [InlineData("comic", "9:16")]
    public async Task First_frame_is_the_image_and_last_frame_is_the_end_image_when_both_are_given(string style, string ratio)
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        var start = TestImages.Write(harness.File("start.png"), 900, 600, 1, SKEncodedImageFormat.Png);
        var end = TestImages.Write(harness.File("end.jpg"), 600, 900, 2, SKEncodedImageFormat.Jpeg);
        var spec = Specs.Make(prompt: "a slow zoom through falling petals", mode: "i2v", style: style, aspectRatio: ratio, audio: true);
        var size = spec.Size;
        RenderInput[] images = [new("image", start, "image/png", 900, 600), new("image_end", end, "image/jpeg", 600, 900)];

        var rendered = await harness.RenderAsync(spec, "i2v-" + style, images);

        var first = await DecodedVideo.SsimToImageAsync(rendered.VideoPath, 0, start, size.Width, size.Height, ct);
        var last = await DecodedVideo.SsimToImageAsync(rendered.VideoPath, spec.FrameCount - 1, end, size.Width, size.Height, ct);
        first.ShouldBeGreaterThanOrEqualTo(0.90, $"first frame SSIM {first:0.000}");
        last.ShouldBeGreaterThanOrEqualTo(0.90, $"last frame SSIM {last:0.000}");
        var clip = await RenderedClip.DecodeAsync(rendered.VideoPath, 160, 90);
        clip.Frames.Count.ShouldBe(spec.FrameCount);
        clip.MaxMotion.ShouldBeLessThanOrEqualTo(MaxJump, $"largest frame-to-frame change {clip.MaxMotion:0.0}");
        clip.MeanMotion.ShouldBeGreaterThan(0.2, "the image should move");
        Measurements.Record($"{style}: SSIM first {first:0.000}, last {last:0.000}, max jump {clip.MaxMotion:0.0}");
    }

    [Fact]
    public async Task First_frame_is_the_image_and_the_camera_moves_when_only_a_start_image_is_given()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        var start = TestImages.Write(harness.File("only.jpg"), 1200, 700, 3, SKEncodedImageFormat.Jpeg);
        var spec = Specs.Make(prompt: "pan right across the scene in the rain", mode: "i2v", style: "cyberpunk");

        var rendered = await harness.RenderAsync(spec, "i2v-single", [new RenderInput("image", start, "image/jpeg", 1200, 700)]);

        (await DecodedVideo.SsimToImageAsync(rendered.VideoPath, 0, start, 640, 360, ct)).ShouldBeGreaterThanOrEqualTo(0.90);
        var clip = await RenderedClip.DecodeAsync(rendered.VideoPath, 160, 90);
        clip.MaxMotion.ShouldBeLessThanOrEqualTo(MaxJump);
        FrameStats.MeanAbsDiff(clip.Frames[0], clip.Frames[^1]).ShouldBeGreaterThan(
            10,
            "the last frame should have moved away from the first");
    }

    [Fact]
    public async Task Render_fails_with_invalid_image_when_the_input_cannot_be_decoded()
    {
        await using var harness = new EngineHarness();
        var broken = harness.File("broken.png");
        await File.WriteAllTextAsync(broken, "not an image", TestContext.Current.CancellationToken);

        var outcome = await harness.Engine.RenderAsync(
            harness.Job(Specs.Make(mode: "i2v"), "broken", [new RenderInput("image", broken, "image/png", 10, 10)]),
            TestContext.Current.CancellationToken);

        outcome.ShouldBeOfType<RenderOutcome.Failed>().Error.Code.ShouldBe("invalid_image");
    }
}
