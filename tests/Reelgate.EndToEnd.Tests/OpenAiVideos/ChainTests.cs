using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests.OpenAiVideos;

/// <summary>
/// Two built servers in a chain: Reelgate A's openai-video engine (dialect openai) sends its model's jobs to Reelgate
/// B's /v1/videos with a key of B. A's job completes with B's render, and each server bills its own key by its own card.
/// </summary>
public sealed class ChainTests
{
    private const string Catalog = """
        {
          "models": [
            {
              "id": "chain-t2v",
              "name": "A model served by another Reelgate",
              "provider": "Reelgate",
              "category": "Video Generation",
              "license": "test",
              "description": "Sent to the next Reelgate over the OpenAI video protocol.",
              "input": ["text"],
              "output": ["video"],
              "tags": [],
              "endpoints": ["POST /v1/videos/generations"],
              "engines": ["openai-video"],
              "parameters": [
                { "name": "prompt", "type": "string", "required": true, "max_length": 2048, "description": "Scene description." },
                { "name": "size", "type": "enum", "default": "640x360", "values": ["640x360"], "description": "Frame size." },
                { "name": "seconds", "type": "integer", "default": 5, "minimum": 5, "maximum": 5, "description": "Length." }
              ],
              "constraints": [],
              "pricing": {
                "currency": "USD",
                "unit": "per second",
                "tiers": [ { "name": "360p", "resolutions": ["640x360"], "prices": { "1s": "0.10" } } ]
              }
            }
          ]
        }
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_on_A_completes_with_Bs_render_and_is_billed_on_both_when_A_chains_to_B()
    {
        using var data = new TempDirectory("chain");
        await using var b = new ServerProcess(
            Path.Combine(data.Path, "b"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_WORKERS"] = "1" });
        await b.StartAsync(Token);
        using var bAdmin = b.Client();
        var (bKeyId, bKey) = await CreateKeyAsync(bAdmin);

        var catalog = Path.Combine(data.Path, "chain-catalog.json");
        await File.WriteAllTextAsync(catalog, Catalog, Token);
        await using var a = new ServerProcess(Path.Combine(data.Path, "a"), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REELGATE_WORKERS"] = "1",
            ["Reelgate__Catalog__Path"] = catalog,
            ["Reelgate__Engines__0"] = "openai-video",
            ["Reelgate__Engines__1"] = "local",
            ["Reelgate__Upstreams__OpenAiVideo__Dialect"] = "openai",
            ["Reelgate__Upstreams__OpenAiVideo__BaseUrls__0"] = $"http://127.0.0.1:{b.Port.ToString(CultureInfo.InvariantCulture)}",
            ["Reelgate__Upstreams__OpenAiVideo__Models__chain-t2v"] = "pixverse-v5-6",
            ["Reelgate__Upstreams__OpenAiVideo__ApiKey"] = bKey,
            ["Reelgate__Upstreams__OpenAiVideo__PollInterval"] = "00:00:00.500",
        });
        await a.StartAsync(Token);
        using var aAdmin = a.Client();
        var (_, aKey) = await CreateKeyAsync(aAdmin);
        using var client = a.Client(aKey);

        using var submitted = await client.PostAsJsonAsync(
            "/v1/videos/generations",
            new JsonObject { ["model"] = "chain-t2v", ["prompt"] = "a lighthouse in fog" },
            Token);
        var accepted = (await submitted.Content.ReadFromJsonAsync<JsonObject>(Token))!;
        submitted.StatusCode.ShouldBe(HttpStatusCode.Accepted, accepted.ToJsonString());
        var job = await WaitForFinalAsync(client, accepted["job_id"]!.GetValue<string>());

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        job["result"]!["engine"]?.GetValue<string>().ShouldBe("openai-video");
        var video = job["result"]!["outputs"]!.AsArray().Single(o => o!["type"]!.GetValue<string>() == "video")!;
        (video["width"]!.GetValue<int>(), video["height"]!.GetValue<int>()).ShouldBe((640, 360));
        video["duration_seconds"]!.GetValue<double>().ShouldBe(5.0, 0.1);
        var aBalance = (await client.GetFromJsonAsync<JsonObject>("/v1/balance", Token))!;
        (aBalance["available"]!.GetValue<string>(), aBalance["held"]!.GetValue<string>()).ShouldBe(("9.50", "0.00"));

        using var bClient = b.Client(bKey);
        var bJobs = (await bClient.GetFromJsonAsync<JsonObject>("/v1/jobs", Token))!["data"]!.AsArray();
        var bJob = bJobs.ShouldHaveSingleItem()!;
        (bJob["status"]!.GetValue<string>(), bJob["cost"]!["state"]!.GetValue<string>()).ShouldBe(("completed", "charged"));
        var bBalance = (await bClient.GetFromJsonAsync<JsonObject>("/v1/balance", Token))!;
        bBalance["held"]!.GetValue<string>().ShouldBe("0.00");
        decimal.Parse(bBalance["available"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            .ShouldBe(10m - decimal.Parse(bJob["cost"]!["amount"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        bKeyId.ShouldNotBeNullOrEmpty();
    }

    private static Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin) =>
        JsonApi.CreateKeyAsync(admin, new JsonObject { ["name"] = "chain", ["credits"] = "10.00" }, Token);

    private static Task<JsonObject> WaitForFinalAsync(HttpClient client, string jobId) =>
        JsonApi.WaitForFinalAsync(client, jobId, TimeSpan.FromMinutes(3), Token);
}
