using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

/// <summary>Prompt words move measured figures of the decoded video in the direction README.md documents.</summary>
[Collection(RenderCollection.Name)]
public sealed class PromptEffectsTests
{
    private const int W = 160;
    private const int H = 90;

    [Theory]
    [InlineData("red", 0)]
    [InlineData("green", 125)]
    [InlineData("blue", 220)]
    [InlineData("purple", 275)]
    public async Task Named_colour_dominates_the_mean_hue_when_the_prompt_asks_for_it_as_the_palette(string colour, double hue)
    {
        await using var harness = new EngineHarness();

        // A colour before a noun colours that noun only (PromptStructureTests); asked for as the palette, it tints the scene.
        var clip = await RenderAsync(harness, $"a balloon over the hills at day, in shades of {colour}", colour);

        // The chroma-weighted circular mean hue of the middle frame lies within 30° of the colour's hue.
        Measurements.Record($"mean hue {clip.MeanHue:0}° for {colour} ({hue}°)");
        FrameStats.HueDistance(clip.MeanHue, hue).ShouldBeLessThan(30, $"mean hue {clip.MeanHue:0}°");
    }

    [Fact]
    public async Task Night_is_darker_than_day_when_only_the_time_word_changes()
    {
        await using var harness = new EngineHarness();

        var day = await RenderAsync(harness, "a fox in a meadow during the day", "day");
        var night = await RenderAsync(harness, "a fox in a meadow at night", "night");

        // Mean luma over all frames: night under 60 % of day.
        Measurements.Record($"luma night {night.MeanLuma:0.0}, day {day.MeanLuma:0.0}");
        night.MeanLuma.ShouldBeLessThan(day.MeanLuma * 0.6, $"night {night.MeanLuma:0.0}, day {day.MeanLuma:0.0}");
    }

    [Fact]
    public async Task Fast_changes_more_between_frames_than_still_when_only_the_pace_word_changes()
    {
        await using var harness = new EngineHarness();

        var still = await RenderAsync(harness, "a still car on a road in the hills", "still");
        var fast = await RenderAsync(harness, "a fast car on a road in the hills", "fast");

        // Mean absolute change between consecutive frames: fast at least three times still.
        Measurements.Record($"motion fast {fast.MeanMotion:0.00}, still {still.MeanMotion:0.00}");
        fast.MeanMotion.ShouldBeGreaterThan(still.MeanMotion * 3, $"fast {fast.MeanMotion:0.00}, still {still.MeanMotion:0.00}");
    }

    [Theory]
    [InlineData("snow")]
    [InlineData("rain")]
    public async Task Weather_word_adds_its_particles_and_the_negative_prompt_removes_them(string weather)
    {
        await using var harness = new EngineHarness();
        const string Base = "a fox in a meadow at day";

        var plain = await RenderAsync(harness, Base, "plain", full: true);
        var withWeather = await RenderAsync(harness, $"{Base} in the {weather}", weather, full: true);
        var removed = await RenderAsync(harness, $"{Base} in the {weather}", weather + "-removed", negative: weather, full: true);

        // Small bright specks per frame (see FrameStats.Specks), 640x360, every sixth frame.
        Measurements.Record($"specks {weather} {withWeather.MeanSpecks:0}, plain {plain.MeanSpecks:0}, removed {removed.MeanSpecks:0}");
        withWeather.MeanSpecks.ShouldBeGreaterThan(
            (plain.MeanSpecks * 3) + 30,
            $"{weather} {withWeather.MeanSpecks:0}, plain {plain.MeanSpecks:0}");
        removed.MeanSpecks.ShouldBeLessThanOrEqualTo(
            (plain.MeanSpecks * 1.1) + 5,
            $"removed {removed.MeanSpecks:0}, plain {plain.MeanSpecks:0}");
        var ct = TestContext.Current.CancellationToken;
        (await DecodedVideo.FrameMd5Async(removed.Path, ct)).ShouldBe(await DecodedVideo.FrameMd5Async(plain.Path, ct));
    }

    private static async Task<RenderedClip> RenderAsync(
        EngineHarness harness,
        string prompt,
        string name,
        string? negative = null,
        bool full = false)
    {
        var rendered = await harness.RenderAsync(Specs.Make(prompt: prompt, negative: negative), name);
        return await RenderedClip.DecodeAsync(rendered.VideoPath, full ? 640 : W, full ? 360 : H);
    }
}
