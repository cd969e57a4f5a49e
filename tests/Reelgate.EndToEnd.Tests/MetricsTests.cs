using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>/metrics of the real server process, scraped during a run of jobs, agrees with the jobs' states.</summary>
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_agree_with_the_jobs_states_during_a_run()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = await ServerProcess.StartOnTempDataAsync(
            "metrics",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_WORKERS"] = "2" },
            token);
        using var admin = server.Client();
        var (_, secret) = await JobTraffic.CreateKeyAsync(admin, "20.00", token);
        using var client = server.Client(secret);

        async Task<string> SubmitAsync(string simulate) => (await JobTraffic.TrySubmitAsync(client, new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = "a kite over a beach",
            ["resolution"] = "360p",
            ["audio"] = false,
            ["metadata"] = new JsonObject { ["reelgate_simulate"] = simulate },
        }, Guid.NewGuid().ToString(), token))!["job_id"]!.GetValue<string>();

        var stalled = await SubmitAsync("stall");
        var done = new[] { await SubmitAsync("delay:0"), await SubmitAsync("delay:0"), await SubmitAsync("delay:0") };
        var failed = await SubmitAsync("fail:boom");
        foreach (var (id, wanted) in done.Select(id => (id, "completed")).Append((failed, "failed")).Append((stalled, "processing")))
        {
            await JsonApi.WaitForStatusAsync(client, id, TimeSpan.FromMinutes(2), token, wanted);
        }

        using var scraper = server.Client(); // Prometheus sends the admin key as its bearer credential
        var text = string.Empty;
        await Poll.UntilAsync(
            async () =>
            {
                using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative), token);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                text = await response.Content.ReadAsStringAsync(token);
                return Value(text, "reelgate_jobs", "status=\"completed\"") == 3
                    && Value(text, "reelgate_jobs", "status=\"processing\"") == 1;
            },
            TimeSpan.FromSeconds(30),
            token,
            () => text);

        Value(text, "reelgate_jobs", "status=\"failed\"").ShouldBe(1);
        Value(text, "reelgate_jobs", "status=\"queued\"").ShouldBe(0);
        Value(text, "reelgate_queue_depth", null).ShouldBe(0);
        Value(text, "reelgate_jobs_submitted_total", "model=\"pixverse-v5-6\"", sum: true).ShouldBe(5);
        Value(text, "reelgate_jobs_finished_total", "status=\"completed\"", sum: true).ShouldBe(3);
        Value(text, "reelgate_jobs_finished_total", "status=\"failed\"", sum: true).ShouldBe(1);
        Value(text, "reelgate_ledger_charged_total", null, sum: true).ShouldBe(3 * 400_000);
        text.ShouldContain("reelgate_render_duration_seconds_bucket");
        text.ShouldContain("http_server_request_duration_seconds");
        (await client.PostAsync(new Uri($"/v1/jobs/{stalled}/cancel", UriKind.Relative), null, token)).StatusCode.ShouldBe(
            HttpStatusCode.OK);
    }

    private static long Value(string exposition, string metric, string? label, bool sum = false)
    {
        var values = MetricLine().Matches(exposition)
            .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(
                label,
                StringComparison.Ordinal)))
            .Select(m => (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))
            .ToList();
        return sum ? values.Sum() : values.SingleOrDefault(-1);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
