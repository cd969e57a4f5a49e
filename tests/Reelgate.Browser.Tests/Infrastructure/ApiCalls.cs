using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>Plain HTTP calls to the server under test: setting up keys and jobs, and reading back what the pages claim.</summary>
public sealed class ApiCalls(ServerProcess server)
{
    public static readonly TimeSpan JobDeadline = TimeSpan.FromMinutes(4);

    public async Task<(string Id, string Key)> CreateKeyAsync(string name, string credits, bool admin, CancellationToken token)
    {
        using var client = server.Client();
        using var response = await client.PostAsJsonAsync("/v1/keys", new JsonObject { ["name"] = name, ["credits"] = credits, ["admin"] = admin }, token);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
        return (key["id"]!.GetValue<string>(), key["key"]!.GetValue<string>());
    }

    /// <summary>The key's available balance, or null when the key is refused (401).</summary>
    public async Task<decimal?> AvailableAsync(string key, CancellationToken token)
    {
        using var client = server.Client(key);
        using var response = await client.GetAsync(new Uri("/v1/balance", UriKind.Relative), token);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var balance = (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
        return decimal.Parse(balance["available"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    public async Task<JsonObject> GetJsonAsync(string path, string? key, CancellationToken token)
    {
        using var client = server.Client(key);
        return (await client.GetFromJsonAsync<JsonObject>(new Uri(path, UriKind.Relative), token))!;
    }

    /// <summary>The rate card's price for a resolution, duration and audio setting, from GET /v1/pricing.</summary>
    public async Task<decimal> RateCardPriceAsync(string resolution, string duration, bool audio, CancellationToken token)
    {
        var pricing = await GetJsonAsync("/v1/pricing", null, token);
        var rows = pricing["data"]![0]!["rows"]!.AsArray();
        var row = rows.Single(r => r!["resolutions"]!.AsArray().Any(x => x!.GetValue<string>() == resolution)
            && r["duration"]!.GetValue<string>() == duration && r["audio"]!.GetValue<bool>() == audio)!;
        return decimal.Parse(row["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    public async Task<JsonObject> SubmitAsync(string key, JsonObject body, CancellationToken token)
    {
        using var client = server.Client(key);
        using var response = await client.PostAsJsonAsync("/v1/videos/generations", body, token);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(token));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(token))!;
    }

    public async Task CancelAsync(string key, string jobId, CancellationToken token)
    {
        using var client = server.Client(key);
        using var response = await client.PostAsync(new Uri($"/v1/jobs/{jobId}/cancel", UriKind.Relative), null, token);
        // 409 when it finished first: either way it no longer runs.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
    }

    /// <summary>Polls GET /v1/jobs/{id} until the job is final or the deadline passes.</summary>
    public async Task<JsonObject> WaitFinalAsync(string key, string jobId, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJsonAsync($"/v1/jobs/{jobId}", key, token);
            if (job["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled" || clock.Elapsed > JobDeadline)
            {
                return job;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), token);
        }
    }
}
