using System.Text.Json;
using Reelgate.Cli.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Cli.Tests;

/// <summary>reelgate generate as a user runs it: the file it writes, what it prints, piped and in a terminal.</summary>
public sealed class GenerateCommandTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Theory]
    [InlineData("360p", "9:16", "5s", true, 360, 640)]
    [InlineData("540p", "4:3", "5", false, 720, 540)]
    public async Task Generate_writes_a_playable_mp4_whose_ffprobe_figures_match_the_options(
        string resolution, string aspect, string duration, bool audio, int width, int height)
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        var output = fixture.Files.File($"clip-{resolution}-{aspect.Replace(':', 'x')}.mp4");
        string[] audioFlag = audio ? ["--audio", "true"] : ["--no-audio"];

        var run = await cli
            .RunAsync(["generate", "a golden fox runs through a snowy forest", "--resolution", resolution, "--aspect-ratio", aspect,
            "--duration", duration, .. audioFlag, "--style", "comic", "--seed", "7", "--out", output], ct);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output.ShouldContain("Saved " + output);
        run.Error.ShouldContain("Price:");
        var probe = await FfprobeReader.ProbeAsync(output, ct);
        probe.FormatName.ShouldContain("mp4");
        probe.Video!.CodecName.ShouldBe("h264");
        probe.Video.Width.ShouldBe(width);
        probe.Video.Height.ShouldBe(height);
        probe.Video.FrameCount.ShouldBe(120);
        probe.Duration.ShouldBeInRange(4.9, 5.2);
        (probe.Audio is not null).ShouldBe(audio);
    }

    [Fact]
    public async Task Generate_with_no_wait_prints_only_the_job_id_and_jobs_wait_then_downloads_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        var output = fixture.Files.File("waited.mp4");

        var submitted = await cli.RunAsync(["generate", "a lighthouse at dusk", "-r", "360p", "--no-audio", "--no-wait"], ct);
        var id = submitted.Output.Trim();
        var waited = await cli.RunAsync(["jobs", "wait", id, "--poll", "--out", output], ct);
        var downloaded = await cli.RunAsync(["jobs", "download", id, "--out", fixture.Files.File("again.mp4")], ct);

        submitted.ExitCode.ShouldBe(0, submitted.ToString());
        id.ShouldMatch("^job_[0-9a-z]+$");
        waited.ExitCode.ShouldBe(0, waited.ToString());
        waited.Output.ShouldContain("Saved " + output);
        downloaded.ExitCode.ShouldBe(0, downloaded.ToString());
        (await File.ReadAllBytesAsync(fixture.Files.File("again.mp4"), ct)).ShouldBe(await File.ReadAllBytesAsync(output, ct));
    }

    [Fact]
    public async Task Generate_json_prints_the_quote_the_job_and_the_file_as_parseable_json()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        var output = fixture.Files.File("json.mp4");

        var run = await cli.RunAsync(
            ["generate", "a cat", "-r", "360p", "--no-audio", "--metadata", "order=9", "--out", output, "--json"],
            ct);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.GetProperty("quote").GetProperty("amount").GetString().ShouldBe("0.40");
        json.RootElement.GetProperty("job").GetProperty("status").GetString().ShouldBe("completed");
        json.RootElement.GetProperty("job").GetProperty("metadata").GetProperty("order").GetString().ShouldBe("9");
        json.RootElement.GetProperty("file").GetString().ShouldBe(output);
    }

    [Fact]
    public async Task Generate_uploads_a_local_image_and_submits_an_i2v_job_when_given_an_image_file()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        var png = fixture.Files.File("first.png");
        await TestMedia.WriteStillAsync(png, "testsrc2=size=800x600", ct);

        var run = await cli.RunAsync(["generate", "the picture comes alive", "--image", png, "-r", "360p", "--no-audio",
            "--metadata", "reelgate_simulate=stall", "--no-wait", "--json"], ct);

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var job = json.RootElement.GetProperty("job");
        (await cli.RunAsync(["jobs", "cancel", job.GetProperty("job_id").GetString()!], ct)).ExitCode.ShouldBe(0);
        job.GetProperty("request").GetProperty("mode").GetString().ShouldBe("i2v");
        job.GetProperty("request").GetProperty("image").GetString()!.ShouldStartWith("upl_");
        job.GetProperty("inputs")[0].GetProperty("original_width").GetInt32().ShouldBe(800);
    }

    [Fact]
    public async Task Generate_exits_1_with_one_line_naming_the_error_when_the_job_fails()
    {
        var cli = fixture.Cli(await fixture.NewKeyAsync());

        var run = await cli.RunAsync(
            "generate",
            "a storm",
            "-r",
            "360p",
            "--no-audio",
            "--metadata",
            "reelgate_simulate=fail:engine_exploded");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.ErrorLines[^1].ShouldStartWith("reelgate: error: job job_");
        run.ErrorLines[^1].ShouldContain("engine_exploded");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Generate_shows_a_live_progress_bar_in_a_terminal_and_none_when_piped()
    {
        var ct = TestContext.Current.CancellationToken;
        var cli = fixture.Cli(await fixture.NewKeyAsync());
        string[] args = [
            "generate",
            "a slow balloon over the hills",
            "-r",
            "360p",
            "--no-audio",
            "--metadata",
            "reelgate_simulate=delay:1.5"];

        var terminal = await cli.RunInTerminalAsync([.. args, "--out", fixture.Files.File("tty.mp4")], ct);
        var piped = await cli.RunAsync([.. args, "--out", fixture.Files.File("piped.mp4")], ct);

        terminal.ExitCode.ShouldBe(0, terminal.ToString());
        terminal.Output.ShouldContain("━", customMessage: "the progress bar's characters");
        terminal.Output.ShouldContain("\u001b[", customMessage: "ANSI cursor and colour sequences");
        terminal.Output.ShouldContain("100%");
        piped.ExitCode.ShouldBe(0, piped.ToString());
        (piped.Output + piped.Error).ShouldNotContain("━");
        (piped.Output + piped.Error).ShouldNotContain("\u001b[");
    }
}
