using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Scaling.Tests.Infrastructure;
using Reelgate.Testing;
using static Reelgate.Scaling.Tests.Infrastructure.ClusterApi;

namespace Reelgate.Scaling.Tests;

/// <summary>
/// One key floods the queue with 200 jobs; another key's job then starts in the next free worker slot, not after the
/// flood. On one SQLite node with two slots, and on two PostgreSQL nodes with one slot each. Each flood job holds its
/// slot for a simulated second and fails (no render), so the slots turn over quickly and the run stays short.
/// </summary>
public sealed class NoisyNeighbourTests(ITestOutputHelper output)
{
    private const int Flood = 200;
    private const int Slots = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Quiet_keys_job_starts_in_the_next_free_slot_when_another_key_flooded_one_sqlite_node()
    {
        using var data = new TempDirectory("noisy-sqlite");
        await using var node = new ServerProcess(data.Path, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_WORKERS"] = Slots.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await node.StartAsync(Token);

        await RunAsync(node, node, "SQLite, one node, 2 slots");
    }

    [Fact]
    public async Task Quiet_keys_job_starts_in_the_next_free_slot_when_another_key_flooded_two_postgres_nodes()
    {
        await using var cluster = await Cluster.CreateAsync(Token);
        var a = cluster.AddNode("node-a", "both", 1);
        var b = cluster.AddNode("node-b", "both", 1);
        await cluster.StartAllAsync(Token);

        await RunAsync(a, b, "PostgreSQL, two nodes, 1 slot each");
    }

    /// <summary>The flood goes in through <paramref name="floodNode"/>, the quiet key's job through <paramref name="quietNode"/>.</summary>
    private async Task RunAsync(ServerProcess floodNode, ServerProcess quietNode, string setup)
    {
        using var admin = floodNode.Client();
        var flooder = await CreateUnlimitedKeyAsync(admin, "1000.00");
        var (_, quietSecret) = await CreateKeyAsync(admin, "10.00");
        using var flood = floodNode.Client(flooder);
        using var quiet = quietNode.Client(quietSecret);

        for (var i = 0; i < Flood; i++)
        {
            var (status, json) = await SubmitAsync(flood, FastBody($"flood {i}", "delay:1,fail:flood_done"));
            status.ShouldBe(HttpStatusCode.Accepted, json.ToJsonString());
        }

        // Both slots busy with the flood before the quiet key asks.
        await Poll.UntilAsync(
            async () => (await ListJobsAsync(flood)).Count(j => j["status"]!.GetValue<string>() == "processing") >= Slots,
            Patience,
            Token,
            () => "the flood never filled both slots");

        var (accepted, submitted) = await SubmitAsync(quiet, FastBody("quiet", "fail:quiet_done"));
        accepted.ShouldBe(HttpStatusCode.Accepted, submitted.ToJsonString());

        // The 202 comes after the job is committed: from here on every claim sees it (the servers share this machine's clock).
        var visible = TimeProvider.System.GetUtcNow();
        var job = await WaitForFinalAsync(quiet, submitted["job_id"]!.GetValue<string>(), Patience);
        job["error"]!["code"]!.GetValue<string>().ShouldBe("quiet_done");

        var created = Time(job["created_at"]!);
        var started = Time(job["started_at"]!);
        var floodJobs = await ListJobsAsync(flood);
        var jumpedAhead = floodJobs.Count(j => j["started_at"] is { } s && Time(s) > visible && Time(s) < started);
        var duringSubmission = floodJobs.Count(j => j["started_at"] is { } s && Time(s) > created && Time(s) <= visible);
        var floodStarted = floodJobs.Count(j => j["started_at"] is not null);
        output.WriteLine($"{setup}: the quiet job waited {(started - created).TotalMilliseconds:F0} ms; " +
            $"{duringSubmission} flood jobs started while it was being submitted and {jumpedAhead} after it was accepted and before it " +
                $"started; " +
            $"{floodStarted} of {Flood} flood jobs had started by the end");

        // FIFO would start every earlier flood job first (about 198); fair claiming starts the quiet job in the next free slot
        // once it is accepted (at most one claim per slot already under way may slip in).
        jumpedAhead.ShouldBeLessThanOrEqualTo(Slots);
        floodStarted.ShouldBeLessThan(Flood);
    }

    private static async Task<string> CreateUnlimitedKeyAsync(HttpClient admin, string credits)
    {
        var body = new JsonObject
        {
            ["name"] = "flooder",
            ["credits"] = credits,
            ["limits"] = new JsonObject { ["jobs_in_flight"] = 1000, ["requests_per_minute"] = 100000 },
        };
        using var response = await admin.PostAsJsonAsync("/v1/keys", body, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Token))!["key"]!.GetValue<string>();
    }

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
