using Reelgate.Testing;

namespace Reelgate.Engines.Local.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Render_writes_video_when_asked()
    {
        await using var harness = new EngineHarness();
        var spec = Specs.Make(prompt: Environment.GetEnvironmentVariable("SMOKE_PROMPT") ?? "a red fox running through snow at dusk", resolution: "720p", audio: true,
            style: Environment.GetEnvironmentVariable("SMOKE_STYLE") ?? "none");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var rendered = await harness.RenderAsync(spec, "smoke");
        var elapsed = started.Elapsed;
        var probe = await FfprobeReader.ProbeAsync(rendered.VideoPath, TestContext.Current.CancellationToken);
        TestContext.Current.SendDiagnosticMessage($"{elapsed} {probe}");
        File.Copy(rendered.VideoPath, "/tmp/smoke.mp4", true);
        File.Copy(rendered.PosterPath!, "/tmp/smoke.jpg", true);
        probe.Video!.Width.ShouldBe(1280);
    }
}
