using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Jobs;

public sealed class CancelTests(ReelgateApp app) : IClassFixture<ReelgateApp>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Cancel_stops_a_processing_job_at_once_and_releases_its_hold()
    {
        using var key = await app.CreateKeyAsync("10.00");
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x [hold]", ("resolution", "360p")));
        var jobId = submitted["job_id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, Deadline, "processing");
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["held"]!.GetValue<string>().ShouldBe("0.80");

        var (status, cancelled, response) = await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);
        cancelled["status"]!.GetValue<string>().ShouldBe("cancelled");
        cancelled["cost"]!["state"]!.GetValue<string>().ShouldBe("released");
        cancelled["completed_at"].ShouldNotBeNull();

        // The engine was told at once: the job never completes even though its hold is never released.
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        balance["available"]!.GetValue<string>().ShouldBe("10.00");
        balance["held"]!.GetValue<string>().ShouldBe("0.00");
        var (_, later) = await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}");
        later["status"]!.GetValue<string>().ShouldBe("cancelled");
        later["result"].ShouldBeNull();
    }

    [Fact]
    public async Task Cancel_returns_409_when_the_job_already_completed()
    {
        using var key = await app.CreateKeyAsync();
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", "360p"), ("audio", false)));
        var jobId = submitted["job_id"]!.GetValue<string>();
        await Api.WaitForAsync(key.Client, jobId, Deadline, "completed");
        var (status, json, response) = await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.Conflict, "invalid_request_error", "job_not_cancellable");
        (await Api.GetJsonAsync(key.Client, $"/v1/jobs/{jobId}")).Json["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
    }
}

public sealed class CancelQueuedTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    [Fact]
    public async Task Cancel_moves_a_queued_job_to_cancelled_and_gives_the_credit_back()
    {
        using var key = await app.CreateKeyAsync("5.00");
        var submitted = await Api.SubmitAsync(key.Client, Api.Body("x"));
        (await Api.GetJsonAsync(key.Client, "/v1/balance")).Json["available"]!.GetValue<string>().ShouldBe("3.50");
        var jobId = submitted["job_id"]!.GetValue<string>();
        var (status, json, response) = await Api.PostJsonAsync(key.Client, $"/v1/jobs/{jobId}/cancel", new JsonObject());
        response.Dispose();
        status.ShouldBe(HttpStatusCode.OK);
        json["status"]!.GetValue<string>().ShouldBe("cancelled");
        var (_, balance) = await Api.GetJsonAsync(key.Client, "/v1/balance");
        balance["available"]!.GetValue<string>().ShouldBe("5.00");
        balance["held"]!.GetValue<string>().ShouldBe("0.00");
    }
}
