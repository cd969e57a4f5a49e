using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// SIGTERM while jobs render: the server stops claiming, lets short jobs finish within the grace period,
/// hands the rest back to the queue, and exits 0; after a restart every job completes exactly once.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        ["REELGATE_WORKERS"] = "2",
        ["Reelgate__Workers__Lease"] = "00:00:05",
        ["Reelgate__Workers__ShutdownGrace"] = "00:00:03",
        ["Reelgate__Workers__PollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task Sigterm_exits_0_and_after_restart_every_job_completes_exactly_once()
    {
        var token = TestContext.Current.CancellationToken;
        using var data = new TempDirectory("sigterm");
        var server = new ServerProcess(data.Path, Settings);
        await server.StartAsync(token);
        using var admin = server.Client();
        var (_, secret) = await JobTraffic.CreateKeyAsync(admin, "50.00", token);
        using var client = server.Client(secret);

        var jobs = new List<(string Id, decimal Price)>();
        foreach (var delay in new[] { "0.5", "20", "0.5", "20", "0.5" })
        {
            var body = new JsonObject
            {
                ["model"] = "pixverse-v5-6",
                ["prompt"] = "a lantern drifting over a lake at dusk",
                ["resolution"] = "360p",
                ["audio"] = false,
                ["metadata"] = new JsonObject { ["reelgate_simulate"] = $"delay:{delay}" },
            };
            var job = (await JobTraffic.TrySubmitAsync(client, body, Guid.NewGuid().ToString(), token))!;
            jobs.Add((job["job_id"]!.GetValue<string>(), JsonApi.Money(job["cost"]!["amount"]!)));
        }

        await Poll.UntilAsync(
            async () => (await JsonApi.GetJobAsync(client, jobs[1].Id, token))["status"]!.GetValue<string>() == "processing"
                || (await JsonApi.GetJobAsync(client, jobs[3].Id, token))["status"]!.GetValue<string>() == "processing",
            TimeSpan.FromMinutes(1),
            token,
            () => "neither long job started");

        (await server.TerminateAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, string.Join('\n', server.Output));
        server.Output.ShouldContain(line => line.Contains("handed back to the queue", StringComparison.Ordinal));
        await server.DisposeAsync();

        server = new ServerProcess(data.Path, Settings, server.Port);
        await server.StartAsync(token);
        using var after = server.Client(secret);
        foreach (var (id, _) in jobs)
        {
            await JsonApi.WaitForFinalAsync(after, id, TimeSpan.FromMinutes(2), token);
            (await JsonApi.GetJobAsync(after, id, token))["status"]!.GetValue<string>().ShouldBe("completed");
        }

        var ledger = await JobTraffic.LedgerAsync(after, token);
        foreach (var (id, price) in jobs)
        {
            var rows = ledger.Where(r => r.JobId == id).Select(r => (r.Kind, r.Amount)).OrderBy(r => r.Kind, StringComparer.Ordinal)
                .ToList();
            rows.ShouldBe([("charge", -price), ("hold", -price), ("release", price)], $"ledger of {id}");
        }

        var balance = (await after.GetFromJsonAsync<JsonObject>("/v1/balance", token))!;
        JsonApi.Money(balance["available"]!).ShouldBe(50m - jobs.Sum(j => j.Price));
        await server.DisposeAsync();
    }
}
