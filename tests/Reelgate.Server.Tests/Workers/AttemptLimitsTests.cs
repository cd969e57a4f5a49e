using System.Globalization;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Workers;

/// <summary>Bounds on a job's attempts: a back-off between them (the job queued with its retry_at), and a time limit on each.</summary>
public sealed class AttemptLimitsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private sealed class LongBackoffApp : ReelgateApp
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } =
            new Dictionary<string, string?> { ["Reelgate:Workers:RetryBackoff"] = "00:10:00,00:30:00" };
    }

    [Fact]
    public async Task Retry_waits_queued_with_its_retry_at_until_the_back_off_has_passed()
    {
        using var app = new LongBackoffApp();
        using var key = await app.CreateKeyAsync("10.00");
        var before = app.Clock.GetUtcNow();
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x [retry]", ("resolution", "360p"))))["job_id"]!.GetValue<string>();

        var waiting = await WaitForRetryAtAsync(key, jobId);
        var retryAt = DateTimeOffset.Parse(waiting["retry_at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        retryAt.ShouldBeInRange(before + TimeSpan.FromMinutes(10), app.Clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        waiting["status"]!.GetValue<string>().ShouldBe("queued");
        app.Engine.Started.Count(id => id == jobId).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var second = Reelgate.Testing.Deadline.After(Deadline);
        while (app.Engine.Started.Count(id => id == jobId) < 2)
        {
            second.ThrowIfPassed($"job {jobId} was not started again after its back-off");
            await Task.Delay(50, Api.Token);
        }

        var again = await WaitForRetryAtAsync(key, jobId, after: retryAt);
        DateTimeOffset.Parse(again["retry_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(retryAt + TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Job_fails_with_time_limit_exceeded_and_releases_its_hold_when_its_engine_runs_past_the_limit()
    {
        using var app = new ReelgateApp();
        app.Engine.TimeLimit = TimeSpan.FromSeconds(1);
        using var key = await app.CreateKeyAsync("10.00");
        var jobId = (await Api.SubmitAsync(key.Client, Api.Body("x [hold]", ("resolution", "360p"))))["job_id"]!.GetValue<string>();

        var job = await Api.WaitForAsync(key.Client, jobId, Deadline, "failed", "completed");

        job["error"]!["code"]!.GetValue<string>().ShouldBe("time_limit_exceeded");
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
        app.Engine.Started.Count(id => id == jobId).ShouldBe(1);
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        (balance["available"]!.GetValue<string>(), balance["held"]!.GetValue<string>()).ShouldBe(("10.00", "0.00"));
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> WaitForRetryAtAsync(
        TestKey key, string jobId, DateTimeOffset? after = null)
    {
        var deadline = Reelgate.Testing.Deadline.After(Deadline);
        while (true)
        {
            var (_, job) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
            if (job["retry_at"] is { } retryAt
                && (after is null || DateTimeOffset.Parse(retryAt.GetValue<string>(), CultureInfo.InvariantCulture) > after))
            {
                return job;
            }

            deadline.ThrowIfPassed($"job {jobId} never waited for a retry: {job.ToJsonString()}");
            await Task.Delay(50, Api.Token);
        }
    }
}
