using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// Everything the built server logs at its default levels during a full job on an upstream engine (fal's protocol on
/// loopback) holds no client key, no provider key, no provider media link and no signature of a signed output URL.
/// </summary>
public sealed class UpstreamLogSecrecyTests(MediaFixture media)
{
    private const string Key = "fal-log-key:fal-secret-9876543210";

    [Fact]
    public async Task Logs_hold_no_key_media_link_or_signature_after_a_full_upstream_job()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);
        var settings = FalServerSettings.For(fake.BaseUrl, Key);
        settings["Logging__LogLevel__Default"] = "Information";
        settings["Logging__LogLevel__Microsoft.AspNetCore"] = "Information";
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-log-secrecy", settings, ct);
        using var admin = server.Client();
        using var created = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "logs", ["credits"] = "5.00" }, ct);
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        using var client = server.Client(key["key"]!.GetValue<string>());

        var jobId = await ReelgateApi.SubmitAsync(
            client,
            new JsonObject
            {
                ["model"] = "pixverse-v5-6",
                ["prompt"] = "a kite over the dunes",
                ["resolution"] = "360p",
                ["audio"] = false,
            },
            ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);
        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        (await ReelgateApi.OutputAsync(job, ct)).Length.ShouldBeGreaterThan(0);
        (await server.TerminateAsync(TimeSpan.FromSeconds(60))).ShouldBe(0);

        var url = new Uri(job["result"]!["outputs"]![0]!["url"]!.GetValue<string>());
        var lines = server.Output;
        lines.ShouldContain(line => line.Contains(jobId, StringComparison.Ordinal), "the logs were not captured");
        fake.Of("download").ShouldHaveSingleItem();
        LogScan.FindLeak(lines,
            ("the admin key", ServerProcess.AdminKey),
            ("the user's key", key["key"]!.GetValue<string>()),
            ("the webhook secret", key["webhook_secret"]!.GetValue<string>()),
            ("the provider key", Key),
            ("the provider key's secret part", "fal-secret-9876543210"),
            ("the provider's media link", FakeProvider.VideoPath),
            ("the provider's media link", fake.OutputUrl.AbsoluteUri),
            ("an output URL's signature", HttpUtility.ParseQueryString(url.Query)["signature"]!),
            ("a signed URL's query", "signature=")).ShouldBeNull();
    }
}
