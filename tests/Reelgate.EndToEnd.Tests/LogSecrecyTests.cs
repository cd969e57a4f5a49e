using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// Everything the built server logs at its default levels during a full job on the local engine (keys made,
/// a submission, SSE, a webhook, the signed output downloaded, a tampered URL refused) holds no key, no signature
/// or query of a signed URL, and no webhook secret.
/// </summary>
public sealed class LogSecrecyTests
{
    [Fact]
    public async Task Logs_hold_no_key_signature_or_webhook_secret_after_a_full_local_job()
    {
        var token = TestContext.Current.CancellationToken;
        await using var hook = LoopbackHttpServer.Start();
        hook.MapStatus("/hook", 200);
        await using var server = await ServerProcess.StartOnTempDataAsync("log-secrecy", new Dictionary<string, string>
        {
            ["REELGATE_WORKERS"] = "1",
            ["REELGATE_ALLOW_PRIVATE_URLS"] = "true",
            ["Reelgate__Webhooks__PollInterval"] = "00:00:00.200",

            // The levels a deployment starts with: nothing turned down by the test.
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
        }, token);
        using var admin = server.Client();
        using var created = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "logs", ["credits"] = "5.00" }, token);
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>(token))!;
        var userKey = key["key"]!.GetValue<string>();
        var webhookSecret = key["webhook_secret"]!.GetValue<string>();
        using var client = server.Client(userKey);

        using var submitted = await client.PostAsJsonAsync("/v1/videos/generations", new JsonObject
        {
            ["model"] = "pixverse-v5-6", ["prompt"] = "a lantern on a quiet pier", ["resolution"] = "360p", ["audio"] = false,
            ["webhook_url"] = hook.Url("/hook").AbsoluteUri,
        }, token);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync(token));
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonObject>(token))!["job_id"]!.GetValue<string>();
        using (var events = await client.GetAsync(new Uri($"/v1/jobs/{jobId}/events", UriKind.Relative), token))
        {
            (await events.Content.ReadAsStringAsync(token)).ShouldContain("job.completed");
        }

        var job = (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/jobs/{jobId}", UriKind.Relative), token))!;
        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        var url = new Uri(job["result"]!["outputs"]![0]!["url"]!.GetValue<string>());
        using var anonymous = new HttpClient();
        (await anonymous.GetByteArrayAsync(url, token)).Length.ShouldBeGreaterThan(0);
        using (var tampered = await anonymous.GetAsync(
            new Uri(url.GetLeftPart(UriPartial.Path) + "?expires=1&signature=" + new string('0', 64)),
            token))
        {
            tampered.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        await Poll.UntilAsync(() => hook.Requests.Count > 0, TimeSpan.FromMinutes(1), token, () => "the webhook was not delivered");

        (await server.TerminateAsync(TimeSpan.FromSeconds(60))).ShouldBe(0);

        var query = HttpUtility.ParseQueryString(url.Query);
        var lines = server.Output;
        lines.ShouldContain(line => line.Contains(jobId, StringComparison.Ordinal), "the logs were not captured");
        var leak = LogScan.FindLeak(lines,
            ("the admin key", ServerProcess.AdminKey),
            ("the user's key", userKey),
            ("the webhook secret", webhookSecret),
            ("the webhook secret's bytes", webhookSecret["whsec_".Length..]),
            ("an output URL's signature", query["signature"]!),
            ("a signed URL's query", "signature="),
            ("a signed URL's query", "expires="));
        leak.ShouldBeNull();
    }
}
