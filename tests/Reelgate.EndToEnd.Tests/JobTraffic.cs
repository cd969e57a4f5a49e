using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Reelgate.EndToEnd.Tests;

/// <summary>Plain HTTP calls the end-to-end tests make against a server process.</summary>
public static class JobTraffic
{
    public static async Task<(string Id, string Key)> CreateKeyAsync(HttpClient admin, string credits, CancellationToken token)
    {
        using var response = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "e2e", ["credits"] = credits }, token);
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
        return (key["id"]!.GetValue<string>(), key["key"]!.GetValue<string>());
    }

    /// <summary>Submits with an Idempotency-Key; null when the server could not be reached (the caller retries with the same key).</summary>
    public static async Task<JsonObject?> TrySubmitAsync(HttpClient client, JsonObject body, string idempotencyKey, CancellationToken token)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations")
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            using var response = await client.SendAsync(request, token);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                return (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
            }

            throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
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

    public static async Task<JsonObject> GetJobAsync(HttpClient client, string jobId, CancellationToken token) =>
        (await client.GetFromJsonAsync<JsonObject>($"/v1/jobs/{jobId}", token))!;

    /// <summary>The key's whole ledger, oldest first.</summary>
    public static async Task<List<(string Kind, decimal Amount, string? JobId, decimal AvailableAfter)>> LedgerAsync(HttpClient client, CancellationToken token)
    {
        var rows = new List<(string, decimal, string?, decimal)>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/v1/usage?limit=100" + (cursor is null ? "" : "&after=" + cursor), token))!;
            rows.AddRange(page["data"]!.AsArray().Select(r => (
                r!["kind"]!.GetValue<string>(),
                Money(r["amount"]!),
                r["job_id"]?.GetValue<string>(),
                Money(r["available_after"]!))));
            cursor = page["next_cursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        rows.Reverse();
        return rows;
    }

    public static decimal Money(JsonNode node) => decimal.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
