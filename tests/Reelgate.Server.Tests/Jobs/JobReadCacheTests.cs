using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Reelgate.Server.Retention;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Jobs;

/// <summary>
/// The poll's cache of recently read jobs (GET /v1/jobs/{id}). The apps keep copies for far longer than the
/// default second, so only the change feed's invalidation can make a poll show a change at once: without it
/// these tests read the copy made before the change.
/// </summary>
public sealed class JobReadCacheTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private sealed class LongMemoryApp : ReelgateApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Reelgate:JobCache:MaxAge"] = "30.00:00:00",
            ["Reelgate:Retention:SweepInterval"] = "01:00:00",
        };
    }

    private sealed class MinuteMemoryApp : ReelgateApp
    {
        protected override int Workers => 0;

        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Reelgate:JobCache:MaxAge"] = "00:01:00" };
    }

    [Fact]
    public async Task Poll_shows_cancelled_at_once_when_the_job_was_polled_before_the_cancel()
    {
        using var app = new LongMemoryApp();
        using var key = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x [hold]", ("resolution", "360p"))))["job_id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, Deadline, "processing");
        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["status"]!.GetValue<string>().ShouldBe("processing");

        var (status, _, response) = await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);

        var (_, polled) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
        polled["status"]!.GetValue<string>().ShouldBe("cancelled");
        polled["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
    }

    [Fact]
    public async Task Poll_shows_outputs_expired_at_once_when_the_sweeper_deleted_them_after_a_poll()
    {
        using var app = new LongMemoryApp();
        using var key = await app.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false)));
        var jobId = submitted["job_id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, Deadline, "completed");
        var (_, before) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
        before["result"]!["outputs_expired"]!.GetValue<bool>().ShouldBeFalse();

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await app.Services.GetRequiredService<RetentionSweeper>().SweepAsync(Api.Token);

        var (_, after) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
        after["result"]!["outputs_expired"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Poll_returns_404_to_another_key_and_to_the_admin_key_when_the_owner_polled_the_job()
    {
        using var app = new LongMemoryApp();
        using var owner = await app.CreateKeyAsync();
        using var other = await app.CreateKeyAsync();
        using var admin = app.Admin();
        var jobId = (await Api.SubmitAsync(owner.Client, Api.Body("x [hold]")))["job_id"]!.GetValue<string>();
        (await Api.GetJsonAsync(owner.Client, $"/v1/jobs/{jobId}")).Status.ShouldBe(HttpStatusCode.OK);
        (await Api.GetJsonAsync(owner.Client, $"/v1/jobs/{jobId}")).Status.ShouldBe(HttpStatusCode.OK);

        foreach (var stranger in new[] { other.Client, admin })
        {
            (await Api.GetJsonAsync(stranger, $"/v1/jobs/{jobId}"))
                .ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "job_not_found");
        }
    }

    [Fact]
    public async Task Poll_shows_a_write_made_outside_the_server_once_the_copy_is_older_than_max_age()
    {
        using var app = new MinuteMemoryApp();
        using var key = await app.CreateKeyAsync();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x")))["job_id"]!.GetValue<string>();
        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["progress"]!.GetValue<int>().ShouldBe(0);

        // Another process on the same SQLite file: no announcement reaches this one.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "reelgate.db")}"))
        {
            await connection.OpenAsync(Api.Token);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE jobs SET progress = 42 WHERE id = $id";
            update.Parameters.AddWithValue("$id", jobId);
            (await update.ExecuteNonQueryAsync(Api.Token)).ShouldBe(1);
        }

        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["progress"]!.GetValue<int>().ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["progress"]!.GetValue<int>().ShouldBe(42);
    }
}
