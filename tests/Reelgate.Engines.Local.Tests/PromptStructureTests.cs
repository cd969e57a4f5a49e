namespace Reelgate.Engines.Local.Tests;

/// <summary>
/// The prompt read by its structure, seen in the decoded frames: a colour stays on the noun it describes,
/// counted subjects stand apart, a pan moves the background one way, the negative prompt removes what it
/// names. Frames are decoded at 320x180 and measured here (<see cref="RegionStats"/>), not taken from the plan.
/// </summary>
[Collection(RenderCollection.Name)]
public sealed class PromptStructureTests
{
    private const int W = 320;
    private const int H = 180;

    [Fact]
    public async Task Colour_stays_on_the_subject_and_off_the_sky_when_it_comes_before_the_noun()
    {
        await using var harness = new EngineHarness();

        // Seed 2: the seed's own palette is blue, so red comes from the word alone.
        var red = await RenderAsync(harness, "A red fox running through snowy forest at dusk", "red-fox", seed: 2);
        var plain = await RenderAsync(harness, "A fox running through snowy forest at dusk", "fox", seed: 2);
        var palette = await RenderAsync(harness, "A fox running through snowy forest at dusk, in shades of red", "red-palette", seed: 2);

        // The sky (top 40 %) is the same with or without "red" (up to the encoder's noise): the word went to the
        // fox. Asked for as a palette, the same word does change the sky, so the measure can see it.
        double Sky(RenderedClip other) => red.Frames.Zip(other.Frames).Average(p => RegionStats.BandDiff(p.First, p.Second, W, H, 0, 0.4));
        // Red pixels (hue 0 ± 20°) below the horizon, where the fox runs, and in the sky.
        double Red(RenderedClip clip, double top, double bottom) =>
            clip.Frames.Average(f => RegionStats.Count(f, W, H, 0, 20, top, bottom));
        Measurements.Record(
            $"sky diff {Sky(plain):0.00} (palette {Sky(palette):0.00}); red px ground {Red(red, 0.7, 1):0} vs {Red(plain, 0.7, 1):0}, " +
                $"sky {Red(red, 0, 0.4):0} vs {Red(plain, 0, 0.4):0}");
        Sky(plain).ShouldBeLessThan(1.5);
        Sky(palette).ShouldBeGreaterThan(6);
        Red(red, 0.7, 1).ShouldBeGreaterThan(Math.Max(Red(plain, 0.7, 1) * 3, Red(plain, 0.7, 1) + 400));
        Red(red, 0, 0.4).ShouldBeLessThanOrEqualTo(Red(plain, 0, 0.4) + 5);
    }

    [Theory]
    [InlineData("three red balloons over green hills at day", 3, 0.0, 0.6)]
    [InlineData("two red cats and a red dog in a meadow at day", 3, 0.55, 1.0)]
    [InlineData("five red lanterns over the hills at day, static camera", 5, 0.0, 0.6)]
    public async Task Count_gives_that_many_separated_regions_when_subjects_are_counted(string prompt, int count, double top, double bottom)
    {
        await using var harness = new EngineHarness();

        var clip = await RenderAsync(harness, prompt, "count");

        // Red stretches of columns in the subjects' band: at the first frame one per subject, apart.
        var first = RegionStats.Regions(RegionStats.Columns(clip.Frames[0], W, H, 0, 40, top, bottom));
        Measurements.Record($"{prompt}: regions at frame 0 {string.Join(" ", first.Select(r => $"{r.Start}-{r.End}"))}");
        first.Count.ShouldBe(count);

        // Later, subjects may leave the frame at one side and come back at the other, but never run into each other.
        var widest = first.Max(r => r.End - r.Start);
        foreach (var frame in clip.Frames)
        {
            var regions = RegionStats.Regions(RegionStats.Columns(frame, W, H, 0, 40, top, bottom));
            regions.Count.ShouldBeLessThanOrEqualTo(count);
            regions.ShouldAllBe(r => r.End - r.Start <= (widest * 1.5) + 4);
        }
    }

    [Theory]
    [InlineData("pan left", 1)]
    [InlineData("pan right", -1)]
    public async Task Pan_moves_the_background_one_way_when_the_prompt_names_it(string pan, int direction)
    {
        await using var harness = new EngineHarness();

        var clip = await RenderAsync(harness, $"a fox in the mountains at day, {pan}", pan.Replace(' ', '-'));

        // The mountains' band (rows 22-62 %), frame to frame a quarter of the clip apart: every step the same way.
        var quarter = (clip.Frames.Count - 1) / 4;
        var steps = Enumerable.Range(0, 4)
            .Select(k => RegionStats.HorizontalShift(clip.Frames[k * quarter], clip.Frames[(k + 1) * quarter], W, H, 0.22, 0.62, 30))
            .ToList();
        var total = RegionStats.HorizontalShift(clip.Frames[0], clip.Frames[^1], W, H, 0.22, 0.62, 60);
        Measurements.Record($"{pan}: shifts {string.Join(" ", steps)}, whole clip {total}");
        steps.ShouldAllBe(s => s * direction >= 0);
        (total * direction).ShouldBeGreaterThan(10);
    }

    [Fact]
    public async Task Negative_prompt_removes_the_subjects_it_names_with_their_colour()
    {
        await using var harness = new EngineHarness();
        const string Prompt = "three red balloons and a purple balloon over green hills at day";

        var all = await RenderAsync(harness, Prompt, "all");
        var removed = await RenderAsync(harness, Prompt, "removed", negative: "red balloons");

        // Red (0 ± 25°) and purple (275 ± 25°) stretches in the sky at the first frame.
        int Regions(RenderedClip clip, double hue) => RegionStats.Regions(RegionStats.Columns(clip.Frames[0], W, H, hue, 25, 0, 0.6)).Count;
        Measurements.Record($"red {Regions(all, 0)} -> {Regions(removed, 0)}, purple {Regions(all, 275)} -> {Regions(removed, 275)}");
        Regions(all, 0).ShouldBe(3);
        Regions(all, 275).ShouldBe(1);
        Regions(removed, 0).ShouldBe(0);
        Regions(removed, 275).ShouldBe(1);
    }

    [Fact]
    public async Task Negative_prompt_removes_a_colour_from_the_subject_when_it_names_the_colour()
    {
        await using var harness = new EngineHarness();

        var red = await RenderAsync(harness, "a red fox in a green meadow at day", "red");
        var removed = await RenderAsync(harness, "a red fox in a green meadow at day", "not-red", negative: "red");

        var before = red.Frames.Average(f => RegionStats.Count(f, W, H, 0, 15, 0, 1));
        var after = removed.Frames.Average(f => RegionStats.Count(f, W, H, 0, 15, 0, 1));
        Measurements.Record($"red px {before:0} -> {after:0}");
        before.ShouldBeGreaterThan(300);
        after.ShouldBeLessThan(before * 0.05);
    }

    private static async Task<RenderedClip> RenderAsync(
        EngineHarness harness,
        string prompt,
        string name,
        string? negative = null,
        int seed = 42)
    {
        var rendered = await harness.RenderAsync(Specs.Make(prompt: prompt, negative: negative, seed: seed), name);
        return await RenderedClip.DecodeAsync(rendered.VideoPath, W, H);
    }
}
