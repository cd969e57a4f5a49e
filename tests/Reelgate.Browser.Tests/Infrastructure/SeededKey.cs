using System.Text.Json.Nodes;

namespace Reelgate.Browser.Tests.Infrastructure;

/// <summary>An admin key with 5.00 of credit and one completed 360p job with audio (0.80), made through the API.</summary>
public sealed record SeededKey(string Key, string JobId, JsonObject Job)
{
    public const string Credits = "5.00";
    public const string Prompt = "a lighthouse on a rocky cliff at sunset, waves crashing below";

    public static async Task<SeededKey> CreateAsync(ApiCalls api, CancellationToken token)
    {
        var (_, key) = await api.CreateKeyAsync("seeded-history", Credits, admin: true, token);
        var submitted = await api.SubmitAsync(key, new JsonObject
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = Prompt,
            ["resolution"] = "360p",
            ["duration"] = "5s",
            ["audio"] = true,
        }, token);
        var jobId = submitted["job_id"]!.GetValue<string>();
        var job = await api.WaitFinalAsync(key, jobId, token);
        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        return new SeededKey(key, jobId, job);
    }
}
