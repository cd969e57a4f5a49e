using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// Signed webhooks end to end: a receiver on loopback verifies every delivery with the npm package
/// standardwebhooks and fails the first two attempts of each; Reelgate retries, survives a kill -9 in
/// between, and each event arrives exactly once; a tampered body fails verification.
/// </summary>
public sealed class WebhookTests
{
    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["REELGATE_WORKERS"] = "2",
        ["REELGATE_ALLOW_PRIVATE_URLS"] = "true",
        ["Reelgate__Workers__Lease"] = "00:00:03",
        ["Reelgate__Webhooks__PollInterval"] = "00:00:00.200",
        ["Reelgate__Webhooks__RetrySchedule__0"] = "00:00:01",
        ["Reelgate__Webhooks__RetrySchedule__1"] = "00:00:02",
        ["Reelgate__Webhooks__RetrySchedule__2"] = "00:00:02",
    };

    [Fact]
    public async Task Each_event_is_delivered_exactly_once_after_retries_and_a_restart()
    {
        var token = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("webhooks");
        var server = new ServerProcess(data.Path, Settings);
        await server.StartAsync(token);
        using var admin = server.Client();
        using var created = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "hooks", ["credits"] = "20.00" }, token);
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>(token))!;
        var secret = key["webhook_secret"]!.GetValue<string>();
        secret.ShouldStartWith("whsec_");
        await using var receiver = await WebhookReceiver.StartAsync(secret, failFirst: 2, token);
        using var client = server.Client(key["key"]!.GetValue<string>());

        JsonObject Body(string simulate) => new()
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = "a paper boat on a river",
            ["resolution"] = "360p",
            ["audio"] = false,
            ["webhook_url"] = receiver.Url.ToString(),
            ["metadata"] = new JsonObject { ["reelgate_simulate"] = simulate },
        };
        var completed = (await JobTraffic.TrySubmitAsync(client, Body("delay:0"), "a", token))!["job_id"]!.GetValue<string>();
        var failed = (await JobTraffic.TrySubmitAsync(client, Body("fail:boom"), "b", token))!["job_id"]!.GetValue<string>();
        var cancelled = (await JobTraffic.TrySubmitAsync(client, Body("stall"), "c", token))!["job_id"]!.GetValue<string>();
        await WaitForStatusAsync(client, cancelled, "processing", token);
        (await client.PostAsync(new Uri($"/v1/jobs/{cancelled}/cancel", UriKind.Relative), null, token)).StatusCode.ShouldBe(
            HttpStatusCode.OK);

        // Once the receiver has refused a first attempt, kill Reelgate and start it again.
        await Poll.UntilAsync(
            async () => (await receiver.LogAsync(token))["attempts"]!.AsObject().Count >= 1,
            TimeSpan.FromMinutes(1),
            token,
            () => "the receiver saw no attempt");

        await server.KillAsync();
        await server.DisposeAsync();
        server = new ServerProcess(data.Path, Settings, server.Port);
        await server.StartAsync(token);
        using var after = server.Client(key["key"]!.GetValue<string>());

        JsonObject? log = null;
        log = await Poll.UntilAsync(
            async () => (log = await receiver.LogAsync(token))["delivered"]!.AsArray().Count >= 3 ? log : null,
            TimeSpan.FromMinutes(2),
            token,
            () => log?.ToJsonString() + "\n" + string.Join('\n', server.Output.TakeLast(60)));

        var delivered = log["delivered"]!.AsArray().Select(d => d!.AsObject()).ToList();
        delivered.Select(d => (d["job_id"]!.GetValue<string>(), d["status"]!.GetValue<string>())).OrderBy(
            d => d.Item1,
            StringComparer.Ordinal)
            .ShouldBe(new[] { (completed, "completed"), (failed, "failed"), (cancelled, "cancelled") }.OrderBy(
                d => d.Item1,
                StringComparer.Ordinal));
        delivered.Select(d => d["id"]!.GetValue<string>()).Distinct().Count().ShouldBe(3);
        delivered.ShouldAllBe(d => d["attempt"]!.GetValue<int>() == 3);
        log["rejected"]!.AsArray().Count.ShouldBe(0);

        var (_, deliveries) = await JsonApi.GetJsonAsync(after, $"/v1/jobs/{completed}/deliveries", token);
        var only = deliveries["data"]!.AsArray().Single()!;
        only["event_type"]!.GetValue<string>().ShouldBe("job.completed");
        only["status"]!.GetValue<string>().ShouldBe("delivered");
        only["attempt_log"]!.AsArray().Select(a => a!["status_code"]!.GetValue<int>()).ShouldBe([500, 500, 200]);

        var sample = delivered.First(d => d["job_id"]!.GetValue<string>() == completed);
        var body = sample["body"]!.GetValue<string>();
        (await receiver.VerifiesAsync(body, sample["headers"]!.AsObject(), token)).ShouldBeTrue();
        (await receiver.VerifiesAsync(
            body.Replace("completed", "c0mpleted", StringComparison.Ordinal),
            sample["headers"]!.AsObject(),
            token)).ShouldBeFalse();

        // A manual redeliver sends the same message again.
        (await after.PostAsync(
            new Uri($"/v1/jobs/{completed}/deliveries/{only["id"]!.GetValue<string>()}/redeliver", UriKind.Relative),
            null,
            token))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Poll.UntilAsync(
            async () => (await receiver.LogAsync(token))["delivered"]!.AsArray().Count >= 4,
            TimeSpan.FromSeconds(30),
            token,
            () => "the redelivery did not arrive");

        await server.DisposeAsync();
    }

    [Fact]
    public async Task Webhook_url_to_a_private_address_is_refused_when_private_urls_are_off()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = await ServerProcess.StartOnTempDataAsync(
            "webhooks-off",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_WORKERS"] = "0" },
            token);
        using var admin = server.Client();
        using var response = await admin.PostAsJsonAsync("/v1/videos/generations", new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = "x",
            ["webhook_url"] = "http://127.0.0.1:9/hooks",
        }, token);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!["error"]!;
        error["param"]!.GetValue<string>().ShouldBe("webhook_url");
        error["code"]!.GetValue<string>().ShouldBe("webhook_url_refused");
    }

    private static Task<JsonObject> WaitForStatusAsync(HttpClient client, string jobId, string status, CancellationToken token) =>
        JsonApi.WaitForStatusAsync(client, jobId, TimeSpan.FromMinutes(1), token, status);
}
