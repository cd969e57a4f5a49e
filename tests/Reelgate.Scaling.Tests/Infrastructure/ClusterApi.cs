using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Reelgate.Scaling.Tests.Infrastructure;

/// <summary>The HTTP calls the scaling tests make against any node, as a client of the public API would.</summary>
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

    public static async Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin, string credits)
    {
        using var response = await admin.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = "scaling", ["credits"] = credits }, Token);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Token));
        var key = (await response.Content.ReadFromJsonAsync<JsonObject>(Token))!;
        return (key["id"]!.GetValue<string>(), key["key"]!.GetValue<string>());
    }

    public static async Task<(HttpStatusCode Status, JsonObject Json)> SubmitAsync(HttpClient client, JsonObject body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, Token);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>(Token))!);
    }

    public static async Task<JsonObject> GetJobAsync(HttpClient client, string jobId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/v1/jobs/{jobId}", Token))!;

    /// <summary>Polls the job until it is final; fails (not a timing assertion, a hang guard) after the deadline.</summary>
    public static async Task<JsonObject> WaitForFinalAsync(HttpClient client, string jobId, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJobAsync(client, jobId);
            if (job["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled")
            {
                return job;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"job {jobId} is not final after {deadline}: {job.ToJsonString()}");
            }

            await Task.Delay(200, Token);
        }
    }

    /// <summary>Polls the job until it has the status; fails (a hang guard) after the deadline.</summary>
    public static async Task WaitForStatusAsync(HttpClient client, string jobId, string status, TimeSpan deadline)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJobAsync(client, jobId);
            if (job["status"]!.GetValue<string>() == status)
            {
                return;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"job {jobId} is not {status} after {deadline}: {job.ToJsonString()}");
            }

            await Task.Delay(100, Token);
        }
    }

    /// <summary>Every job of the key, newest first, through the list's cursor.</summary>
    public static async Task<List<JsonObject>> ListJobsAsync(HttpClient client)
    {
        var jobs = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/v1/jobs?limit=100" + (cursor is null ? "" : "&after=" + cursor), Token))!;
            jobs.AddRange(page["data"]!.AsArray().Select(j => j!.AsObject()));
            cursor = page["has_more"]!.GetValue<bool>() ? page["next_cursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        return jobs;
    }

    /// <summary>The key's whole ledger through GET /v1/usage, newest first.</summary>
    public static async Task<List<(string Kind, decimal Amount, string? JobId)>> LedgerAsync(HttpClient client)
    {
        var rows = new List<(string, decimal, string?)>();
        string? cursor = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>("/v1/usage?limit=100" + (cursor is null ? "" : "&after=" + cursor), Token))!;
            rows.AddRange(page["data"]!.AsArray().Select(r => (r!["kind"]!.GetValue<string>(), Money(r["amount"]!), r["job_id"]?.GetValue<string>())));
            cursor = page["has_more"]!.GetValue<bool>() ? page["next_cursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        return rows;
    }

    public static async Task<(decimal Available, decimal Held)> BalanceAsync(HttpClient client)
    {
        var balance = (await client.GetFromJsonAsync<JsonObject>("/v1/balance", Token))!;
        return (Money(balance["available"]!), Money(balance["held"]!));
    }

    public static decimal Money(JsonNode node) => decimal.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);

    /// <summary>The URL of the job's output of the given type ("video" or "image").</summary>
    public static Uri OutputUrl(JsonObject job, string type) =>
        new(job["result"]!["outputs"]!.AsArray().First(o => o!["type"]!.GetValue<string>() == type)!["url"]!.GetValue<string>());
}
