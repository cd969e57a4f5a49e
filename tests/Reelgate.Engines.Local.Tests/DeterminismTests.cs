using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

[Collection(RenderCollection.Name)]
public sealed class DeterminismTests
{
    private const string Prompt = "a red fox running through the snow past a house at dusk, orbiting";

    [Fact]
    public async Task Render_gives_identical_frames_and_audio_when_spec_and_seed_repeat()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        var spec = Specs.Make(prompt: Prompt, audio: true, style: "comic", seed: 7);

        var first = await harness.RenderAsync(spec, "first");
        var second = await harness.RenderAsync(spec, "second");

        var framesA = await DecodedVideo.FrameMd5Async(first.VideoPath, ct);
        var framesB = await DecodedVideo.FrameMd5Async(second.VideoPath, ct);
        framesA.Count.ShouldBe(120);
        framesB.ShouldBe(framesA);
        (await DecodedVideo.AudioHashAsync(second.VideoPath, ct)).ShouldBe(await DecodedVideo.AudioHashAsync(first.VideoPath, ct));
    }

    [Fact]
    public async Task Render_gives_identical_frames_when_several_subjects_and_camera_words_repeat()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;
        var spec = Specs.Make(
            prompt: "two cats and a dog running left, three red balloons, a bird flying towards the camera, tilt up, slow motion",
            negative: "yellow", seed: 11);

        var first = await harness.RenderAsync(spec, "first");
        var second = await harness.RenderAsync(spec, "second");

        (await DecodedVideo.FrameMd5Async(second.VideoPath, ct)).ShouldBe(await DecodedVideo.FrameMd5Async(first.VideoPath, ct));
    }

    [Fact]
    public async Task Render_gives_other_frames_and_audio_when_the_seed_changes()
    {
        await using var harness = new EngineHarness();
        var ct = TestContext.Current.CancellationToken;

        var one = await harness.RenderAsync(Specs.Make(prompt: Prompt, audio: true, seed: 7), "seed7");
        var other = await harness.RenderAsync(Specs.Make(prompt: Prompt, audio: true, seed: 8), "seed8");

        var framesA = await DecodedVideo.FrameMd5Async(one.VideoPath, ct);
        var framesB = await DecodedVideo.FrameMd5Async(other.VideoPath, ct);
        framesA.Zip(framesB).Count(p => p.First != p.Second).ShouldBe(120, "every frame should differ");
        (await DecodedVideo.AudioHashAsync(other.VideoPath, ct)).ShouldNotBe(await DecodedVideo.AudioHashAsync(one.VideoPath, ct));
    }
}
