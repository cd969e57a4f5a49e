using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>Routing down the deployment's engine order when the first engine is down.</summary>
public sealed class EngineFallbackTests(MediaFixture media)
{
    private const string Key = "fal-fallback-key:0123456789";

    [Fact]
    public async Task Second_engine_serves_the_job_and_the_user_is_charged_once_when_the_first_refuses_connections()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fal = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-fallback", new Dictionary<string, string>
        {
            ["Reelgate__Engines__0"] = "pixverse",
            ["Reelgate__Engines__1"] = "fal",
            ["PIXVERSE_API_KEY"] = "pv-key-0123456789",
            ["Reelgate__Upstreams__Pixverse__BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}/",
            ["Reelgate__Upstreams__Pixverse__Retries"] = "1",
            ["Reelgate__Upstreams__Pixverse__RetryDelay"] = "00:00:00.010",
            ["FAL_KEY"] = Key,
            ["Reelgate__Upstreams__Fal__BaseUrl"] = fal.BaseUrl.AbsoluteUri,
            ["Reelgate__Upstreams__Outputs__PrivateHosts__0"] = fal.BaseUrl.Host,
            ["Reelgate__Upstreams__Fal__PollInterval"] = "00:00:00.100",
            ["REELGATE_WORKERS"] = "1",
        }, ct);
        using var client = server.Client();

        var jobId = await ReelgateApi.SubmitAsync(
            client,
            new JsonObject { ["model"] = "pixverse-v5-6", ["prompt"] = "a paper boat on a river" },
            ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        fal.Of("submit").Count().ShouldBe(1);
        fal.Of("submit").Single().Json["resolution"]!.GetValue<string>().ShouldBe("1080p");

        // Reelgate's rate card: 1080p, 5 s, audio = 1.50, held once and charged once.
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("1.50");
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-1.50"), ("release", "1.50"), ("charge", "-1.50")]);
        server.Output.ShouldContain(line => line.Contains("moving to engine fal", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
