using System.Net;
using Npgsql;
using Reelgate.Scaling.Tests.Infrastructure;
using Reelgate.Testing;
using static Reelgate.Scaling.Tests.Infrastructure.ClusterApi;

namespace Reelgate.Scaling.Tests;

/// <summary>
/// The poll's job cache on two API nodes of one PostgreSQL: a change committed elsewhere reaches this node's
/// copy through NOTIFY. The nodes keep copies for an hour, so without that invalidation the poll never shows it.
/// </summary>
public sealed class JobReadCacheAcrossNodesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> LongMemory = new(StringComparer.Ordinal)
    {
        ["Reelgate__JobCache__MaxAge"] = "01:00:00",
    };

    [Fact]
    public async Task Poll_on_one_node_shows_a_cancel_and_a_later_write_made_elsewhere_after_it_polled_the_job()
    {
        await using var cluster = await Cluster.CreateAsync(Token);
        var nodeA = cluster.AddNode("api-a", "api", 0, LongMemory);
        var nodeB = cluster.AddNode("api-b", "api", 0, LongMemory);
        await cluster.StartAllAsync(Token);
        using var admin = nodeA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "5.00");
        using var a = nodeA.Client(secret);
        using var b = nodeB.Client(secret);
        var (status, submitted) = await SubmitAsync(a, FastBody("a queued fox"));
        status.ShouldBe(HttpStatusCode.Accepted, submitted.ToJsonString());
        var jobId = submitted["job_id"]!.GetValue<string>();
        (await GetJobAsync(a, jobId))["status"]!.GetValue<string>().ShouldBe("queued");
        (await GetJobAsync(a, jobId))["status"]!.GetValue<string>().ShouldBe("queued");

        using (var cancel = await b.PostAsync($"/v1/jobs/{jobId}/cancel", null, Token))
        {
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await WaitForStatusAsync(a, jobId, "cancelled", Deadline);

        // A write by hand, as another node's sweeper makes it (the version bump fires the trigger).
        await using (var connection = new NpgsqlConnection(cluster.DatabaseConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var update = new NpgsqlCommand("UPDATE jobs SET progress = 42, version = version + 1 WHERE id = @Id", connection);
            update.Parameters.AddWithValue("Id", jobId);
            (await update.ExecuteNonQueryAsync(Token)).ShouldBe(1);
        }

        await Poll.UntilAsync(
            async () => (await GetJobAsync(a, jobId))["progress"]!.GetValue<int>() == 42,
            Deadline,
            Token,
            () => "node A kept serving the job as it was before the write");
    }
}
