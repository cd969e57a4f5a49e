using System.Text.Json;
using Reelgate.Cli.Tests.Infrastructure;
using Reelgate.Client;
using Reelgate.Client.Models;
using Reelgate.Testing;

namespace Reelgate.Cli.Tests;

/// <summary>
/// The webhook commands against the built server, delivering to a receiver on loopback: a job's deliveries
/// (table and JSON), a redelivery that reaches the receiver again, a key's default webhook URL set and
/// cleared, and a rotated signing secret printed alone on stdout.
/// </summary>
public sealed class WebhookCommandsTests(CliFixture fixture) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Deliveries_list_a_failed_jobs_event_and_redeliver_sends_it_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = LoopbackHttpServer.Start();
        receiver.MapStatus("/hook", 204);
        var key = await fixture.NewKeyAsync(credits: 5m);
        var cli = fixture.Cli(key);

        var submitted = Parse(await cli.RunAsync(
            "generate", "x", "-r", "360p", "--no-audio", "--metadata", "reelgate_simulate=fail:upstream_timeout",
            "--webhook-url", receiver.Url("/hook").ToString(), "--no-wait", "--json"));
        var jobId = submitted.RootElement.GetProperty("job").GetProperty("job_id").GetString()!;
        var first = await WaitForDeliveryAsync(key, jobId, attempts: 1, ct);

        var listed = Parse(await cli.RunAsync("jobs", "deliveries", jobId, "--json"));
        var table = await cli.RunAsync("jobs", "deliveries", jobId);
        var redelivered = Parse(await cli.RunAsync("jobs", "redeliver", jobId, first.Id, "--json"));
        var second = await WaitForDeliveryAsync(key, jobId, attempts: 2, ct);
        var unknown = await cli.RunAsync("jobs", "redeliver", jobId, "dlv_nosuchdelivery");

        var delivery = listed.RootElement.EnumerateArray().ShouldHaveSingleItem();
        delivery.GetProperty("id").GetString().ShouldBe(first.Id);
        delivery.GetProperty("event_type").GetString().ShouldBe("job.failed");
        delivery.GetProperty("status").GetString().ShouldBe("delivered");
        delivery.GetProperty("attempt_log")[0].GetProperty("status_code").GetInt32().ShouldBe(204);
        table.ExitCode.ShouldBe(0, table.ToString());
        table.Output.ShouldContain($"{first.Id}  job.failed  delivered  1 attempt");
        table.Output.ShouldContain("HTTP 204 in ");
        table.Output.ShouldContain(receiver.Url("/hook").ToString());
        redelivered.RootElement[0].GetProperty("status").GetString().ShouldBeOneOf("pending", "delivered");
        second.Status.ShouldBe("delivered");
        receiver.Requests.Count(r => r.Target == "/hook").ShouldBe(2);
        unknown.ExitCode.ShouldBe(4, unknown.ToString());
        unknown.Error.ShouldContain("dlv_nosuchdelivery");
    }

    [Fact]
    public async Task Keys_webhook_sets_and_clears_the_default_url_and_rotate_prints_only_the_new_secret()
    {
        var admin = fixture.Cli();
        var created = Parse(await admin.RunAsync("keys", "create", "hooks team", "--json"));
        var id = created.RootElement.GetProperty("id").GetString()!;

        var set = Parse(await admin.RunAsync("keys", "webhook", id, "http://127.0.0.1:9/hooks", "--json"));
        var shown = await admin.RunAsync("keys", "webhook", id, "http://127.0.0.1:9/other");
        var cleared = Parse(await admin.RunAsync("keys", "webhook", id, "--clear", "--json"));
        var neither = await admin.RunAsync("keys", "webhook", id);
        var both = await admin.RunAsync("keys", "webhook", id, "http://127.0.0.1:9/hooks", "--clear");
        var rotated = await admin.RunAsync("keys", "rotate-webhook-secret", id);
        var rotatedAgain = Parse(await admin.RunAsync("keys", "rotate-webhook-secret", id, "--json"));

        set.RootElement.GetProperty("webhook_url").GetString().ShouldBe("http://127.0.0.1:9/hooks");
        shown.ExitCode.ShouldBe(0, shown.ToString());
        shown.Output.ShouldContain("http://127.0.0.1:9/other");
        (cleared.RootElement.TryGetProperty("webhook_url", out var url) ? url.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        neither.ExitCode.ShouldBe(2, neither.ToString());
        both.ExitCode.ShouldBe(2, both.ToString());
        rotated.ExitCode.ShouldBe(0, rotated.ToString());
        rotated.Output.Trim().ShouldMatch("^whsec_[A-Za-z0-9+/=]+$");
        rotated.Error.ShouldContain("shown only once");
        var again = rotatedAgain.RootElement.GetProperty("webhook_secret").GetString()!;
        again.ShouldStartWith("whsec_");
        again.ShouldNotBe(rotated.Output.Trim());
    }

    /// <summary>Waits (through the client, bounded) until the job's only delivery is delivered with this many attempts.</summary>
    private async Task<WebhookDelivery> WaitForDeliveryAsync(string key, string jobId, int attempts, CancellationToken ct)
    {
        using var client = new ReelgateClient(new ReelgateClientOptions { BaseAddress = fixture.Server.BaseAddress, ApiKey = key });
        return await Poll.UntilAsync(
            async () => await client.ListDeliveriesAsync(jobId, ct) is [{ Status: "delivered" } delivery] && delivery.Attempts >= attempts
                ? delivery
                : null,
            TimeSpan.FromSeconds(90),
            ct,
            () => $"the delivery of {jobId} was not delivered after {attempts} attempts");
    }

    private static JsonDocument Parse(CliResult run)
    {
        run.ExitCode.ShouldBe(0, run.ToString());
        return JsonDocument.Parse(run.Output);
    }
}
