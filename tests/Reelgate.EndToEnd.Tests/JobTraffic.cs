using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>The end-to-end tests' keys, submissions that survive a killed server, and the ledger, over <see cref="JsonApi"/>.</summary>
public static class JobTraffic
{
    public static Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin, string credits, CancellationToken token) =>
        JsonApi.CreateKeyAsync(admin, new JsonObject { ["name"] = "e2e", ["credits"] = credits }, token);

    /// <summary>Submits with an Idempotency-Key; null when the server could not be reached (the caller retries with the same
    /// key).</summary>
    public static async Task<JsonObject?> TrySubmitAsync(HttpClient client, JsonObject body, string idempotencyKey, CancellationToken token)
    {
        try
        {
            var (status, job) = await JsonApi.PostJsonAsync(client, "/v1/videos/generations", body, token, idempotencyKey);
            return status is HttpStatusCode.Accepted or HttpStatusCode.OK
                ? job
                : throw new InvalidOperationException($"submit answered {(int)status}: {job.ToJsonString()}");
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!token.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The key's whole ledger, oldest first.</summary>
    public static async Task<List<(string Kind, decimal Amount, string? JobId, decimal AvailableAfter)>> LedgerAsync(
        HttpClient client, CancellationToken token)
    {
        var rows = (await JsonApi.ListAllAsync(client, "/v1/usage?limit=100", token)).Select(r => (
            r["kind"]!.GetValue<string>(),
            JsonApi.Money(r["amount"]!),
            r["job_id"]?.GetValue<string>(),
            JsonApi.Money(r["available_after"]!))).ToList();
        rows.Reverse();
        return rows;
    }
}
