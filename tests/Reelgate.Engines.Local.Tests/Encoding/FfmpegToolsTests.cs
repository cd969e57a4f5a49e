using Microsoft.Extensions.Options;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Engines.Local.Tests.Encoding;

public sealed class FfmpegToolsTests
{
    [Fact]
    public async Task FindProblem_returns_null_when_ffmpeg_and_ffprobe_are_installed()
    {
        var tools = new FfmpegTools(Options.Create(new FfmpegOptions()));

        (await tools.FindProblemAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task FindProblem_names_the_setting_when_ffmpeg_is_missing()
    {
        var tools = new FfmpegTools(Options.Create(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" }));

        var problem = await tools.FindProblemAsync(TestContext.Current.CancellationToken);

        problem.ShouldNotBeNull();
        problem.ShouldContain("ffmpeg was not found");
        problem.ShouldContain("Reelgate:Ffmpeg:FfmpegPath");
        problem.ShouldNotContain("\n");
    }

    [Fact]
    public async Task FindProblem_names_ffprobe_when_only_ffprobe_is_missing()
    {
        var tools = new FfmpegTools(Options.Create(new FfmpegOptions { FfprobePath = "/nonexistent/ffprobe" }));

        var problem = await tools.FindProblemAsync(TestContext.Current.CancellationToken);

        problem.ShouldNotBeNull();
        problem.ShouldContain("Reelgate:Ffmpeg:FfprobePath");
    }
}
