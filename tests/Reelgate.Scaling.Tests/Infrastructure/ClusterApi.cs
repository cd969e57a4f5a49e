using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Scaling.Tests.Infrastructure;

/// <summary>The scaling tests' requests and their shorthand over <see cref="JsonApi"/> on the test's token, against any node.</summary>
public static class ClusterApi
{
    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A fast request that still renders a real MP4: 360x360, 5 s, no audio (0.40 on the rate card).</summary>
    public static JsonObject FastBody(string prompt, string? simulate = null)
    {
        var body = new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = prompt,
            ["resolution"] = "360p",
            ["aspect_ratio"] = "1:1",
            ["audio"] = false,
        };
        if (simulate is not null)
        {
            body["metadata"] = new JsonObject { ["reelgate_simulate"] = simulate };
        }

        return body;
    }

    public static Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin, string credits) =>
        JsonApi.CreateKeyAsync(admin, new JsonObject { ["name"] = "scaling", ["credits"] = credits }, Token);

    public static Task<(HttpStatusCode Status, JsonObject Json)> SubmitAsync(
        HttpClient client,
        JsonObject body,
        string? idempotencyKey = null) =>
        JsonApi.PostJsonAsync(client, "/v1/videos/generations", body, Token, idempotencyKey);

    public static Task<JsonObject> GetJobAsync(HttpClient client, string jobId) => JsonApi.GetJobAsync(client, jobId, Token);

    /// <summary>Polls the job until it is final; fails (not a timing assertion, a hang guard) after the deadline.</summary>
    public static Task<JsonObject> WaitForFinalAsync(HttpClient client, string jobId, TimeSpan deadline) =>
        JsonApi.WaitForFinalAsync(client, jobId, deadline, Token);

    /// <summary>Polls the job until it has the status; fails (a hang guard) after the deadline.</summary>
    public static Task WaitForStatusAsync(HttpClient client, string jobId, string status, TimeSpan deadline) =>
        JsonApi.WaitForStatusAsync(client, jobId, deadline, Token, status);

    /// <summary>Every job of the key, newest first, through the list's cursor.</summary>
    public static Task<List<JsonObject>> ListJobsAsync(HttpClient client) => JsonApi.ListAllAsync(client, "/v1/jobs?limit=100", Token);

    /// <summary>The key's whole ledger through GET /v1/usage, newest first.</summary>
    public static async Task<List<(string Kind, decimal Amount, string? JobId)>> LedgerAsync(HttpClient client) =>
        (await JsonApi.ListAllAsync(client, "/v1/usage?limit=100", Token))
            .Select(r => (r["kind"]!.GetValue<string>(), Money(r["amount"]!), r["job_id"]?.GetValue<string>()))
            .ToList();

    public static async Task<(decimal Available, decimal Held)> BalanceAsync(HttpClient client)
    {
        var balance = await JsonApi.GetObjectAsync(client, "/v1/balance", Token);
        return (Money(balance["available"]!), Money(balance["held"]!));
    }

    public static decimal Money(JsonNode node) => JsonApi.Money(node);

    /// <summary>The URL of the job's output of the given type ("video" or "image").</summary>
    public static Uri OutputUrl(JsonObject job, string type) => JsonApi.OutputUrl(job, type);
}
