using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>What a user does with a running Reelgate: submit, wait for the job, read the ledger.</summary>
public static class ReelgateApi
{
    public static async Task<string> SubmitAsync(HttpClient client, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/v1/videos/generations", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, text);
        return JsonNode.Parse(text)!["job_id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> JobAsync(HttpClient client, string jobId, CancellationToken cancellationToken) =>
        (await client.GetFromJsonAsync<JsonObject>($"/v1/jobs/{jobId}", cancellationToken))!;

    /// <summary>Polls the job until it is completed, failed or cancelled.</summary>
    public static Task<JsonObject> FinalAsync(HttpClient client, string jobId, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () =>
        {
            var job = await JobAsync(client, jobId, cancellationToken);
            return job["status"]!.GetValue<string>() is "completed" or "failed" or "cancelled" ? job : null;
        }, cancellationToken, timeout ?? TimeSpan.FromSeconds(90), $"job {jobId} to finish");

    /// <summary>The key's ledger rows for one job, oldest first, as (kind, amount).</summary>
    public static async Task<List<(string Kind, string Amount)>> LedgerAsync(HttpClient client, string jobId, CancellationToken cancellationToken)
    {
        var usage = (await client.GetFromJsonAsync<JsonObject>("/v1/usage?limit=100", cancellationToken))!;
        return usage["data"]!.AsArray()
            .Where(row => row!["job_id"]?.GetValue<string>() == jobId)
            .Select(row => (row!["kind"]!.GetValue<string>(), row["amount"]!.GetValue<string>()))
            .Reverse()
            .ToList();
    }

    public static async Task<byte[]> OutputAsync(JsonObject job, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var url = job["result"]!["outputs"]!.AsArray().First(o => o!["type"]!.GetValue<string>() == "video")!["url"]!.GetValue<string>();
        return await http.GetByteArrayAsync(new Uri(url), cancellationToken);
    }
}
