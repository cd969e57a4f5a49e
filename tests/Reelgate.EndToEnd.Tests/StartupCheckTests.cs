using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>A missing tool, an unwritable data folder or a bad setting stops the start with one line saying what to change.</summary>
public sealed class StartupCheckTests
{
    [Theory]
    [InlineData("Reelgate__Ffmpeg__FfmpegPath", "/nonexistent/ffmpeg", "apt-get install ffmpeg")]
    [InlineData("REELGATE_WORKERS", "-3", "REELGATE_WORKERS")]
    [InlineData("Reelgate__Workers__Lease", "00:00:00", "Reelgate:Workers:Lease")]
    [InlineData("Reelgate__Engines__0", "fal", "FAL_KEY")]
    [InlineData("Reelgate__Pricing__pixverse-v5-6__720p__5s+audio", "cheap", "Reelgate:Pricing:pixverse-v5-6:720p:5s+audio")]
    [InlineData("Reelgate__Pricing__pixverse-v5-6__720p__7s", "1.00", "Reelgate:Pricing:pixverse-v5-6:720p:7s")]
    [InlineData("DATA_IS_A_FILE", "", "REELGATE_DATA_DIR")]
    [InlineData("REELGATE_ADMIN_KEY", "rg_only_31_characters_long_key0", "REELGATE_ADMIN_KEY")]
    [InlineData("Reelgate__Limits__Defaults__JobsInFlight", "-1", "Reelgate:Limits:Defaults:JobsInFlight")]
    [InlineData("Reelgate__Limits__EventStreamHeartbeat", "00:00:00", "Reelgate:Limits:EventStreamHeartbeat")]
    [InlineData("Reelgate__Imaging__MaxQueuedDecodes", "-1", "Reelgate:Imaging:MaxQueuedDecodes")]
    public async Task Start_stops_with_one_line_naming_what_to_change(string variable, string value, string named)
    {
        var token = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("startup");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_WORKERS"] = "1" };
        if (variable == "DATA_IS_A_FILE")
        {
            var file = data.File("not-a-folder");
            await File.WriteAllTextAsync(file, "x", token);
            settings["REELGATE_DATA_DIR"] = file;
        }
        else
        {
            settings[variable] = value;
        }

        await using var server = new ServerProcess(data.Path, settings);
        await Should.ThrowAsync<InvalidOperationException>(() => server.StartAsync(token, TimeSpan.FromMinutes(2)));

        server.ExitCode.ShouldBe(1);
        var lines = server.Output.Where(line => line.StartsWith("reelgate: cannot start: ", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(1, string.Join('\n', server.Output));
        lines[0].ShouldContain(named);
        server.Output.ShouldNotContain(line => line.Contains("   at ", StringComparison.Ordinal));
    }
}
