using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// metadata.reelgate_simulate through the built server: off by default (only echoed), on for test keys an admin made,
/// on for everybody when the operator turns it on; and a simulated stall ends at the local engine's time limit.
/// </summary>
public sealed class SimulationOptInTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simulation_runs_only_for_test_keys_when_the_operator_left_it_off()
    {
        await using var server = await ServerProcess.StartOnTempDataAsync(
            "simulation-off",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_SIMULATION"] = "" },
            Token);
        using var admin = server.Client();
        using var plain = server.Client(await CreateKeyAsync(admin, test: false));
        using var tester = server.Client(await CreateKeyAsync(admin, test: true));

        var (status, echoed) = await SubmitAsync(plain, "fail:boom");
        status.ShouldBe(HttpStatusCode.Accepted);
        var completed = await WaitForFinalAsync(plain, echoed["job_id"]!.GetValue<string>());
        completed["status"]!.GetValue<string>().ShouldBe("completed", completed.ToJsonString());
        completed["metadata"]!["reelgate_simulate"]!.GetValue<string>().ShouldBe("fail:boom");
        (await SubmitAsync(plain, "not a step")).Status.ShouldBe(HttpStatusCode.Accepted);

        var (testStatus, testJob) = await SubmitAsync(tester, "fail:boom");
        testStatus.ShouldBe(HttpStatusCode.Accepted);
        var failed = await WaitForFinalAsync(tester, testJob["job_id"]!.GetValue<string>());
        (failed["status"]!.GetValue<string>(), failed["error"]!["code"]!.GetValue<string>()).ShouldBe(("failed", "boom"));
        var (malformed, refusal) = await SubmitAsync(tester, "not a step");
        (malformed, refusal["error"]!["code"]!.GetValue<string>(), refusal["error"]!["param"]!.GetValue<string>())
            .ShouldBe((HttpStatusCode.UnprocessableEntity, "invalid_simulation", "metadata"));
    }

    [Fact]
    public async Task Stalled_job_fails_at_the_local_time_limit_and_releases_its_hold_when_the_operator_enabled_simulation()
    {
        await using var server = await ServerProcess.StartOnTempDataAsync(
            "simulation-stall",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["REELGATE_SIMULATION"] = "true",
                ["Reelgate__Ffmpeg__TimeLimit"] = "00:00:02",
            },
            Token);
        using var admin = server.Client();
        using var client = server.Client(await CreateKeyAsync(admin, test: false));

        var (status, submitted) = await SubmitAsync(client, "stall");
        status.ShouldBe(HttpStatusCode.Accepted);
        var job = await WaitForFinalAsync(client, submitted["job_id"]!.GetValue<string>());

        (job["status"]!.GetValue<string>(), job["error"]!["code"]!.GetValue<string>(), job["cost"]!["state"]!.GetValue<string>())
            .ShouldBe(("failed", "time_limit_exceeded", "released"));
        var balance = (await client.GetFromJsonAsync<JsonObject>("/v1/balance", Token))!;
        (balance["available"]!.GetValue<string>(), balance["held"]!.GetValue<string>()).ShouldBe(("10.00", "0.00"));
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, bool test)
    {
        var (status, key) = await JsonApi.PostJsonAsync(
            admin, "/v1/keys", new JsonObject { ["name"] = "simulation", ["credits"] = "10.00", ["test"] = test }, Token);
        status.ShouldBe(HttpStatusCode.Created, key.ToJsonString());
        key["test"]!.GetValue<bool>().ShouldBe(test);
        return key["key"]!.GetValue<string>();
    }

    private static Task<(HttpStatusCode Status, JsonObject Json)> SubmitAsync(HttpClient client, string simulate) =>
        JsonApi.PostJsonAsync(client, "/v1/videos/generations", new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = "a paper boat on a pond",
            ["resolution"] = "360p",
            ["audio"] = false,
            ["metadata"] = new JsonObject { ["reelgate_simulate"] = simulate },
        }, Token);

    private static Task<JsonObject> WaitForFinalAsync(HttpClient client, string jobId) =>
        JsonApi.WaitForFinalAsync(client, jobId, Patience, Token);
}
