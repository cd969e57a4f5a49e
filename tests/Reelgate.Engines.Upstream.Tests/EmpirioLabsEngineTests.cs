using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// The EmpirioLabs engine against its most faithful fake: a second Reelgate (the built server, local engine),
/// which speaks the hosted service's API exactly. A front Reelgate forwards to it.
/// </summary>
public sealed class EmpirioLabsEngineTests(MediaFixture media, UpstreamReelgateFixture upstreamReelgate)
    : IClassFixture<UpstreamReelgateFixture>
{
    /// <summary>The front's own admin key: the upstream's key is its EmpirioLabs credential, which must not be one of the front's
    /// keys.</summary>
    private const string FrontAdminKey = "rg_front_admin_key_0123456789abcdefgh";

    [Fact]
    public async Task Front_job_completes_with_the_upstream_output_when_the_upstream_is_another_Reelgate()
    {
        var ct = TestContext.Current.CancellationToken;
        var upstream = upstreamReelgate.Server;
        await using var front = await ServerProcess.StartOnTempDataAsync("front-reelgate", FrontSettings(upstream, "DataUri"), ct);
        using var client = front.Client(FrontAdminKey);

        var jobId = await ReelgateApi.SubmitAsync(client, new JsonObject
        {
            ["model"] =
                "pixverse-v5-6", ["prompt"] = "a comic robot waves in a city at night", ["resolution"] = "360p", ["aspect_ratio"] = "1:1",
            ["audio"] = false, ["style"] = "comic", ["thinking"] = "disabled", ["seed"] = 99, ["negative_prompt"] = "rain",
        }, ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        var video = job["result"]!["outputs"]![0]!;
        (video["width"]!.GetValue<int>(), video["height"]!.GetValue<int>()).ShouldBe((360, 360));
        using var upstreamClient = upstream.Client();
        var upstreamJob = await UpstreamJobAsync(upstreamClient, "a comic robot waves in a city at night", ct);
        var request = upstreamJob["request"]!.AsObject();
        request["prompt"]!.GetValue<string>().ShouldBe("a comic robot waves in a city at night");
        request["resolution"]!.GetValue<string>().ShouldBe("360p");
        request["aspect_ratio"]!.GetValue<string>().ShouldBe("1:1");
        request["duration"]!.ToString().ShouldBe("5s");
        request["audio"]!.GetValue<bool>().ShouldBeFalse();
        request["style"]!.GetValue<string>().ShouldBe("comic");
        request["thinking"]!.GetValue<string>().ShouldBe("disabled");
        request["seed"]!.GetValue<int>().ShouldBe(99);
        request["negative_prompt"]!.GetValue<string>().ShouldBe("rain");
        var upstreamCompleted = await JsonApi.WaitForFinalAsync(
            upstreamClient,
            upstreamJob["job_id"]!.GetValue<string>(),
            ReelgateApi.JobTimeout,
            ct);
        (await ReelgateApi.OutputAsync(job, ct)).ShouldBe(await ReelgateApi.OutputAsync(upstreamCompleted, ct));
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40"), ("charge", "-0.40")]);
    }

    [Fact]
    public async Task Front_i2v_job_sends_the_normalised_image_as_an_upload_when_the_transport_is_Upload()
    {
        var ct = TestContext.Current.CancellationToken;
        var upstream = upstreamReelgate.Server;
        await using var front = await ServerProcess.StartOnTempDataAsync("front-reelgate", FrontSettings(upstream, "Upload"), ct);
        using var client = front.Client(FrontAdminKey);
        var image = "data:image/jpeg;base64," + Convert.ToBase64String(await File.ReadAllBytesAsync(media.Image169, ct));

        var jobId = await ReelgateApi.SubmitAsync(client, new JsonObject
        {
            ["model"] =
                "pixverse-v5-6", ["prompt"] = "the picture comes alive", ["mode"] = "i2v", ["image"] = image, ["resolution"] = "360p", [
                    "audio"] = false,
        }, ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        using var upstreamClient = upstream.Client();
        var upstreamJob = await UpstreamJobAsync(upstreamClient, "the picture comes alive", ct);
        upstreamJob["request"]!["image"]!.GetValue<string>().ShouldStartWith("upl_");
        var input = upstreamJob["inputs"]!.AsArray().ShouldHaveSingleItem()!;
        (input["width"]!.GetValue<int>(), input["height"]!.GetValue<int>()).ShouldBe((640, 360));
    }

    /// <summary>The one job the upstream holds for this prompt (the upstream is shared by the class's tests).</summary>
    private static async Task<JsonObject> UpstreamJobAsync(HttpClient upstream, string prompt, CancellationToken ct) =>
        (await upstream.GetFromJsonAsync<JsonObject>("/v1/jobs?limit=100", ct))!["data"]!.AsArray()
            .Where(j => j!["request"]!["prompt"]!.GetValue<string>() == prompt)
            .ShouldHaveSingleItem()!.AsObject();

    private static Dictionary<string, string> FrontSettings(ServerProcess upstream, string transport) => new()
    {
        ["Reelgate__Engines__0"] = "empiriolabs",
        ["REELGATE_ADMIN_KEY"] = FrontAdminKey,
        ["REELGATE_EMPIRIOLABS_API_KEY"] = ServerProcess.AdminKey,
        ["Reelgate__Upstreams__EmpirioLabs__BaseUrl"] = upstream.BaseAddress.AbsoluteUri,
        ["Reelgate__Upstreams__Outputs__PrivateHosts__0"] = upstream.BaseAddress.Host,
        ["Reelgate__Upstreams__EmpirioLabs__PollInterval"] = "00:00:00.200",
        ["Reelgate__Upstreams__EmpirioLabs__MaxPollInterval"] = "00:00:00.500",
        ["Reelgate__Upstreams__EmpirioLabs__ImageTransport"] = transport,
        ["REELGATE_WORKERS"] = "1",
    };
}
