using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>Plain HTTP calls to the server under test (over <see cref="JsonApi"/>): setting up keys and jobs, and reading back what the
/// pages claim.</summary>
public sealed class ApiCalls(ServerProcess server)
{
    public static readonly TimeSpan JobDeadline = TimeSpan.FromMinutes(4);

    public async Task<(string Id, string Key)> CreateKeyAsync(string name, string credits, bool admin, CancellationToken token)
    {
        using var client = server.Client();
        return await JsonApi.CreateKeyAsync(client, new JsonObject { ["name"] = name, ["credits"] = credits, ["admin"] = admin }, token);
    }

    /// <summary>The key's available balance, or null when the key is refused (401).</summary>
    public async Task<decimal?> AvailableAsync(string key, CancellationToken token)
    {
        using var client = server.Client(key);
        var (status, balance) = await JsonApi.GetJsonAsync(client, "/v1/balance", token);
        if (status == HttpStatusCode.Unauthorized)
        {
            return null;
        }

        status.ShouldBe(HttpStatusCode.OK, balance.ToJsonString());
        return JsonApi.Money(balance["available"]!);
    }

    public async Task<JsonObject> GetJsonAsync(string path, string? key, CancellationToken token)
    {
        using var client = server.Client(key);
        return await JsonApi.GetObjectAsync(client, path, token);
    }

    /// <summary>The rate card's price for a resolution, duration and audio setting, from GET /v1/pricing.</summary>
    public async Task<decimal> RateCardPriceAsync(string resolution, string duration, bool audio, CancellationToken token)
    {
        var pricing = await GetJsonAsync("/v1/pricing", null, token);
        var rows = pricing["data"]![0]!["rows"]!.AsArray();
        var row = rows.Single(r => r!["resolutions"]!.AsArray().Any(x => x!.GetValue<string>() == resolution)
            && r["duration"]!.GetValue<string>() == duration && r["audio"]!.GetValue<bool>() == audio)!;
        return JsonApi.Money(row["amount"]!);
    }

    public async Task<JsonObject> SubmitAsync(string key, JsonObject body, CancellationToken token)
    {
        using var client = server.Client(key);
        var (status, job) = await JsonApi.PostJsonAsync(client, "/v1/videos/generations", body, token);
        status.ShouldBe(HttpStatusCode.Accepted, job.ToJsonString());
        return job;
    }

    public async Task CancelAsync(string key, string jobId, CancellationToken token)
    {
        using var client = server.Client(key);
        using var response = await client.PostAsync(new Uri($"/v1/jobs/{jobId}/cancel", UriKind.Relative), null, token);
        // 409 when it finished first: either way it no longer runs.
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
    }

    /// <summary>Polls GET /v1/jobs/{id} until the job is final; fails once <see cref="JobDeadline"/> passes.</summary>
    public async Task<JsonObject> WaitFinalAsync(string key, string jobId, CancellationToken token)
    {
        using var client = server.Client(key);
        return await JsonApi.WaitForFinalAsync(client, jobId, JobDeadline, token);
    }
}
