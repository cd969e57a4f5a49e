using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// The product page's own cURL and Python, run unchanged but for the base URL and the key, against the
/// built server on its embedded default (SQLite, disk, the local engine at the seed's defaults: 1080p, 5 s, audio).
/// </summary>
public sealed class SeedSnippetTests : IAsyncLifetime
{
    private const string HostedBase = "https://api.empiriolabs.ai";
    private readonly TempDirectory _data = new("seed");
    private ServerProcess _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = new ServerProcess(_data.Path);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Seed_curl_submit_and_poll_reach_a_completed_job_with_a_playable_mp4()
    {
        var token = TestContext.Current.CancellationToken;
        var submit = SeedText.Curl(SeedText.CurlSubmit, HostedBase, _server.BaseAddress.ToString().TrimEnd('/'), ServerProcess.AdminKey);
        var submitted = await RunShellAsync(submit, token);
        var job = JsonNode.Parse(submitted)!.AsObject();
        var jobId = job["job_id"]!.GetValue<string>();
        job["status"]!.GetValue<string>().ShouldBe("queued");

        var poll = SeedText.Curl(SeedText.CurlPoll, HostedBase, _server.BaseAddress.ToString().TrimEnd('/'), ServerProcess.AdminKey)
            .Replace("JOB_ID", jobId, StringComparison.Ordinal);
        var polled = await Poll.UntilAsync(
            async () => JsonNode.Parse(await RunShellAsync(poll, token))!.AsObject() is var answer
                && answer["status"]!.GetValue<string>() is "completed" or "failed" ? answer : null,
            TimeSpan.FromMinutes(3),
            token,
            () => $"job {jobId} did not finish");

        polled["status"]!.GetValue<string>().ShouldBe("completed", polled.ToJsonString());
        var video = polled["result"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "video")!;
        var file = _data.File("seed.mp4");
        await RunShellAsync($"curl -sf -o '{file}' '{video["url"]!.GetValue<string>()}'", token);
        var probed = await FfprobeReader.ProbeAsync(file, token);
        (probed.Video!.Width, probed.Video.Height).ShouldBe((1920, 1080));
        probed.Video.FrameCount.ShouldBe(120);
        probed.Video.CodecName.ShouldBe("h264");
        probed.Audio!.CodecName.ShouldBe("aac");
    }

    [Fact]
    public async Task Seed_python_loop_prints_the_completed_job()
    {
        var token = TestContext.Current.CancellationToken;
        var script = SeedText.Python(HostedBase, _server.BaseAddress.ToString().TrimEnd('/'), ServerProcess.AdminKey);
        var path = _data.File("seed.py");
        await File.WriteAllTextAsync(path, script, token);
        var result = await Cli.Wrap(await PythonWithRequestsAsync(token)).WithArguments([path]).WithValidation(
            CommandResultValidation.None).ExecuteBufferedAsync(token);
        result.ExitCode.ShouldBe(0, result.StandardError);
        result.StandardOutput.ShouldContain("'status': 'completed'");
        result.StandardOutput.ShouldContain("video/mp4");
    }

    /// <summary>The first Python on this machine that has the requests package (the test command installs Debian's).</summary>
    private static async Task<string> PythonWithRequestsAsync(CancellationToken token)
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var probe = await Cli.Wrap(python).WithArguments(["-c", "import requests"]).WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(token);
                if (probe.ExitCode == 0)
                {
                    return python;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        throw new InvalidOperationException("no python3 with the requests package: run scripts/install-deps.sh --test");
    }

    private static async Task<string> RunShellAsync(string command, CancellationToken token)
    {
        var result = await Cli.Wrap("bash").WithArguments(["-c", command]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(token);
        result.ExitCode.ShouldBe(0, $"{command}\n{result.StandardError}");
        return result.StandardOutput;
    }
}
