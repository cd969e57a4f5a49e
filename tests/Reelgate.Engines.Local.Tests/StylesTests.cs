namespace Reelgate.Engines.Local.Tests;

[Collection(RenderCollection.Name)]
public sealed class StylesTests
{
    private static readonly string[] Styles = ["none", "anime", "3d_animation", "clay", "comic", "cyberpunk"];

    [Fact]
    public async Task Each_style_looks_measurably_different_when_prompt_and_seed_are_the_same()
    {
        await using var harness = new EngineHarness();
        var frames = new Dictionary<string, RenderedClip>();
        foreach (var style in Styles)
        {
            var rendered = await harness.RenderAsync(Specs.Make(prompt: "a robot and a cat in a city at dusk", style: style), style);
            frames[style] = await RenderedClip.DecodeAsync(rendered.VideoPath, 160, 90);
        }

        // The measure: mean absolute difference per channel value (0..255) of the same frame (48) decoded at
        // 160x90. Every pair of styles differs by at least 6.
        var report = new List<string>();
        foreach (var a in Styles)
        {
            foreach (var b in Styles.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                var difference = FrameStats.MeanAbsDiff(frames[a].Frames[48], frames[b].Frames[48]);
                report.Add($"{a}/{b} {difference:0.0}");
                difference.ShouldBeGreaterThan(6, $"{a} vs {b}");
            }
        }

        Measurements.Record(string.Join(", ", report));

        // Signatures: cyberpunk is dark, clay is muted.
        FrameStats.MeanLuma(frames["cyberpunk"].Frames[48]).ShouldBeLessThan(FrameStats.MeanLuma(frames["none"].Frames[48]) * 0.8);
        Chroma(frames["clay"].Frames[48]).ShouldBeLessThan(Chroma(frames["none"].Frames[48]) * 0.8);
    }

    private static double Chroma(byte[] rgb)
    {
        var sum = 0.0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            sum += Math.Max(rgb[i], Math.Max(rgb[i + 1], rgb[i + 2])) - Math.Min(rgb[i], Math.Min(rgb[i + 1], rgb[i + 2]));
        }

        return sum / (rgb.Length / 3);
    }
}
