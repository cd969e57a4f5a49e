using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>What a user does with a running Reelgate in front of a provider: submit, read the ledger, download the output.</summary>
public static class ReelgateApi
{
    /// <summary>How long a job through a loopback provider may take before a test gives up (a hang guard).</summary>
    public static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(90);

    public static async Task<string> SubmitAsync(HttpClient client, JsonObject body, CancellationToken cancellationToken)
    {
        var (status, job) = await JsonApi.PostJsonAsync(client, "/v1/videos/generations", body, cancellationToken);
        status.ShouldBe(HttpStatusCode.Accepted, job.ToJsonString());
        return job["job_id"]!.GetValue<string>();
    }

    /// <summary>The suites' usual job: a short, silent 360p text-to-video on pixverse-v5-6.</summary>
    public static Task<string> SubmitLighthouseAsync(HttpClient client, CancellationToken cancellationToken) => SubmitAsync(
        client,
        new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = "a lighthouse in a storm",
            ["resolution"] = "360p",
            ["audio"] = false,
        },
        cancellationToken);

    /// <summary>The key's ledger rows for one job, oldest first, as (kind, amount).</summary>
    public static async Task<List<(string Kind, string Amount)>> LedgerAsync(
        HttpClient client,
        string jobId,
        CancellationToken cancellationToken)
    {
        var usage = await JsonApi.GetObjectAsync(client, "/v1/usage?limit=100", cancellationToken);
        return usage["data"]!.AsArray()
            .Where(row => row!["job_id"]?.GetValue<string>() == jobId)
            .Select(row => (row!["kind"]!.GetValue<string>(), row["amount"]!.GetValue<string>()))
            .Reverse()
            .ToList();
    }

    public static async Task<byte[]> OutputAsync(JsonObject job, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(JsonApi.OutputUrl(job, "video"), cancellationToken);
    }
}
