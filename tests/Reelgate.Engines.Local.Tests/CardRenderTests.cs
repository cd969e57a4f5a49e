using System.Text.Json;
using Reelgate.Core.Catalog;
using Reelgate.Core.Validation;
using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

/// <summary>
/// Models with their own parameter tables render on the local engine as stand-ins: the card's size, length, fps
/// and audio, read back from the MP4 with ffprobe.
/// </summary>
public sealed class CardRenderTests
{
    private static GenerationSpec Parse(string json)
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "open-models.json"));
        var parser = new GenerationRequestParser(ModelCatalog.Load(file));
        using var document = JsonDocument.Parse(json);
        return parser.Parse(document.RootElement, randomSeed: 9).Value.ShouldNotBeNull();
    }

    [Fact]
    public async Task Render_gives_a_frame_based_card_its_size_frame_count_and_fps()
    {
        await using var harness = new EngineHarness();
        var spec = Parse(
            """{"model": "wan2.2-t2v", "prompt": "a heron on a pier at dawn", "size": "480x832", "num_frames": 33, "fps": 16}""");

        var rendered = await harness.RenderAsync(spec, "wan-t2v");
        var probe = await FfprobeReader.ProbeAsync(rendered.VideoPath, TestContext.Current.CancellationToken);

        var video = probe.Video.ShouldNotBeNull();
        (video.Width, video.Height, video.FrameRate, video.FrameCount).ShouldBe((480, 832, "16/1", 33));
        probe.Duration.ShouldBe(33 / 16.0, 1 / 16.0);
        probe.Audio.ShouldBeNull();
    }

    [Fact]
    public async Task Render_keeps_audio_in_step_with_a_cards_own_frame_rate()
    {
        await using var harness = new EngineHarness();
        var spec = Specs.Make(prompt: "rain on a tin roof", audio: true) with { Width = 320, Height = 240, Fps = 12, Frames = 30 };

        var rendered = await harness.RenderAsync(spec, "card-audio");
        var probe = await FfprobeReader.ProbeAsync(rendered.VideoPath, TestContext.Current.CancellationToken);

        var video = probe.Video.ShouldNotBeNull();
        (video.Width, video.Height, video.FrameRate, video.FrameCount).ShouldBe((320, 240, "12/1", 30));
        var sound = probe.Audio.ShouldNotBeNull();
        sound.Duration!.Value.ShouldBe(2.5, 1 / 12.0);
    }

    [Fact]
    public async Task Render_animates_an_image_to_video_cards_image_at_its_size()
    {
        await using var harness = new EngineHarness();
        var image = TestImages.Write(harness.File("first.png"), 640, 360, seed: 3, SkiaSharp.SKEncodedImageFormat.Png);
        var spec = Parse("""{"model": "wan2.2-i2v", "prompt": "the boat drifts", "image": "upl_first", "size": "832x480"}""");

        var rendered = await harness.RenderAsync(
            spec,
            "wan-i2v",
            [new Reelgate.Core.Engines.RenderInput("image", image, "image/png", 640, 360)]);
        var probe = await FfprobeReader.ProbeAsync(rendered.VideoPath, TestContext.Current.CancellationToken);

        var video = probe.Video.ShouldNotBeNull();
        (video.Width, video.Height, video.FrameRate, video.FrameCount).ShouldBe((832, 480, "16/1", 80));
    }
}
