using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// The built server in front of fakes of the providers: what a user sees when the chosen provider cannot take a
/// request (422 at submission, or the next engine), and when a submission's answer is lost (the job's final state,
/// its ledger and the operator's log line).
/// </summary>
public sealed class UpstreamSubmissionTests(MediaFixture media)
{
    private const string ReplicateKey = "r8_submission_token_0123456789";
    private const string FalKey = "fal-submission-key:0123456789";
    private const string PixverseKey = "pv-submission-key-0123456789";

    [Fact]
    public async Task Submit_returns_422_naming_style_and_sends_nothing_when_Replicate_is_the_only_engine()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var replicate = await FakeProvider.StartedAsync(new ReplicateFake(media.Video, ReplicateKey), ct);
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-style", Settings(("replicate", replicate)), ct);
        using var client = server.Client();

        using var response = await client.PostAsJsonAsync("/v1/videos/generations",
            new JsonObject { ["model"] = "pixverse-v5-6", ["prompt"] = "a fox in the snow", ["style"] = "anime" }, ct);

        var error = await ErrorAsync(response, HttpStatusCode.UnprocessableEntity, ct);
        error["param"]!.GetValue<string>().ShouldBe("style");
        error["code"]!.GetValue<string>().ShouldBe("unsupported_by_engine");
        error["message"]!.GetValue<string>().ShouldContain("Replicate");
        replicate.Requests.ShouldBeEmpty();
        (await JobLedgerRowsAsync(client, ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Job_goes_to_the_next_engine_that_takes_a_style_and_is_charged_once_when_Replicate_is_first()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var replicate = await FakeProvider.StartedAsync(new ReplicateFake(media.Video, ReplicateKey), ct);
        await using var fal = await FakeProvider.StartedAsync(new FalFake(media.Video, FalKey), ct);
        await using var server = await ServerProcess.StartOnTempDataAsync(
            "upstream-style-next",
            Settings(("replicate", replicate), ("fal", fal)),
            ct);
        using var client = server.Client();

        var jobId = await ReelgateApi.SubmitAsync(client,
            new JsonObject
            {
                ["model"] = "pixverse-v5-6",
                ["prompt"] = "a fox in the snow",
                ["style"] = "anime",
                ["resolution"] = "360p",
                ["audio"] = false,
            }, ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        replicate.Requests.ShouldBeEmpty();
        var submit = fal.Of("submit").ShouldHaveSingleItem();
        submit.Json["style"]!.GetValue<string>().ShouldBe("anime");
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40"), ("charge", "-0.40")]);
    }

    [Fact]
    public async Task Submit_returns_422_naming_prompt_and_the_byte_limit_when_fal_serves_the_job_and_the_prompt_is_non_ASCII()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fal = await FakeProvider.StartedAsync(new FalFake(media.Video, FalKey), ct);
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-prompt-bytes", Settings(("fal", fal)), ct);
        using var client = server.Client();

        // 1,100 characters (within Reelgate's 2,048) but 2,200 bytes in UTF-8.
        using var response = await client.PostAsJsonAsync("/v1/videos/generations",
            new JsonObject { ["model"] = "pixverse-v5-6", ["prompt"] = new string('é', 1100) }, ct);

        var error = await ErrorAsync(response, HttpStatusCode.UnprocessableEntity, ct);
        error["param"]!.GetValue<string>().ShouldBe("prompt");
        error["message"]!.GetValue<string>().ShouldContain("2200 bytes");
        error["message"]!.GetValue<string>().ShouldContain("at most 2048 bytes");
        fal.Requests.ShouldBeEmpty();
        (await JobLedgerRowsAsync(client, ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Job_fails_upstream_uncertain_with_its_hold_released_and_the_operator_told_when_the_submission_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var replicate = await FakeProvider.StartedAsync(new ReplicateFake(media.Video, ReplicateKey), ct);
        replicate.FaultSlow("submit", TimeSpan.FromSeconds(30));
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-uncertain", Settings(("replicate", replicate)), ct);
        using var client = server.Client();

        var jobId = await ReelgateApi.SubmitLighthouseAsync(client, ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("failed", job.ToJsonString());
        job["error"]!["code"]!.GetValue<string>().ShouldBe("upstream_uncertain");
        job["error"]!["message"]!.GetValue<string>().ShouldContain("did not submit it again");
        replicate.Of("submit").Count().ShouldBe(1);
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40")]);
        await Poll.UntilAsync(() => server.Output.Any(IsUncertainLine), TimeSpan.FromSeconds(30), ct, () => "the operator's log line");
        var line = server.Output.First(IsUncertainLine);
        line.ShouldContain(jobId);
        line.ShouldContain("POST 127.0.0.1/v1/models/pixverse/pixverse-v5.6/predictions");
        line.ShouldContain("Reelgate:Upstreams:Replicate:ResubmitWhenUncertain");
        server.Output.ShouldAllBe(l => !l.Contains(ReplicateKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Job_is_submitted_again_and_charged_once_when_ResubmitWhenUncertain_and_the_submission_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var replicate = await FakeProvider.StartedAsync(new ReplicateFake(media.Video, ReplicateKey), ct);
        replicate.FaultSlow("submit", TimeSpan.FromSeconds(30));
        var settings = Settings(("replicate", replicate));
        settings["Reelgate__Upstreams__Replicate__ResubmitWhenUncertain"] = "true";
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-resubmit", settings, ct);
        using var client = server.Client();

        var jobId = await ReelgateApi.SubmitLighthouseAsync(client, ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        var submits = replicate.Of("submit").ToList();
        submits.Count.ShouldBe(2);
        submits[1].Text.ShouldBe(submits[0].Text);
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.40"), ("release", "0.40"), ("charge", "-0.40")]);
    }

    [Fact]
    public async Task Job_fails_with_its_hold_released_without_waiting_out_the_timeout_when_PixVerse_reports_status_6()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pixverse = await FakeProvider.StartedAsync(new PixverseFake(media.Video, PixverseKey) { EndStatus = 6 }, ct);
        var settings = Settings(("pixverse", pixverse));
        settings["Reelgate__Upstreams__Pixverse__Timeout"] = "01:00:00";
        await using var server = await ServerProcess.StartOnTempDataAsync("upstream-deleted", settings, ct);
        using var client = server.Client();

        var jobId = await ReelgateApi.SubmitAsync(
            client,
            new JsonObject { ["model"] = "pixverse-v5-6", ["prompt"] = "a paper boat", ["resolution"] = "720p", ["audio"] = false },
            ct);
        var job = await JsonApi.WaitForFinalAsync(client, jobId, ReelgateApi.JobTimeout, ct);

        job["status"]!.GetValue<string>().ShouldBe("failed", job.ToJsonString());
        job["error"]!["code"]!.GetValue<string>().ShouldBe("upstream_error");
        job["error"]!["message"]!.GetValue<string>().ShouldContain("status 6");
        pixverse.Of("submit").Count().ShouldBe(1);
        pixverse.Of("poll").Count().ShouldBe(2);
        (await ReelgateApi.LedgerAsync(client, jobId, ct)).ShouldBe([("hold", "-0.65"), ("release", "0.65")]);
    }

    private static bool IsUncertainLine(string line) =>
        line.Contains("may have been accepted but its answer was lost", StringComparison.Ordinal);

    /// <summary>The server's environment: these engines in this order, each at its fake, polling fast, one worker.</summary>
    private static Dictionary<string, string> Settings(params (string Engine, FakeProvider Fake)[] engines)
    {
        var settings = new Dictionary<string, string>
        {
            ["Reelgate__Workers__PollInterval"] = "00:00:00.200",
            ["REELGATE_WORKERS"] = "1",

            // The fakes serve their outputs from loopback: the operator's allow-list of private output hosts.
            ["Reelgate__Upstreams__Outputs__PrivateHosts__0"] = "127.0.0.1",
        };
        for (var i = 0; i < engines.Length; i++)
        {
            var (engine, fake) = engines[i];
            var section = engine switch { "replicate" => "Replicate", "fal" => "Fal", "pixverse" => "Pixverse", _ => "EmpirioLabs" };
            var key = engine switch { "replicate" => ReplicateKey, "fal" => FalKey, "pixverse" => PixverseKey, _ => "" };
            settings[$"Reelgate__Engines__{i}"] = engine;
            settings[$"Reelgate__Upstreams__{section}__ApiKey"] = key;
            settings[$"Reelgate__Upstreams__{section}__BaseUrl"] = fake.BaseUrl.AbsoluteUri;
            settings[$"Reelgate__Upstreams__{section}__PollInterval"] = "00:00:00.100";
            settings[$"Reelgate__Upstreams__{section}__MaxPollInterval"] = "00:00:00.200";
            settings[$"Reelgate__Upstreams__{section}__RequestTimeout"] = "00:00:05";
            settings[$"Reelgate__Upstreams__{section}__RetryDelay"] = "00:00:00.010";
        }

        return settings;
    }

    private static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(status, text);
        return JsonNode.Parse(text)!["error"]!.AsObject();
    }

    /// <summary>The key's ledger rows that belong to a job (the key's opening credit belongs to none).</summary>
    private static async Task<List<JsonNode>> JobLedgerRowsAsync(HttpClient client, CancellationToken ct)
    {
        var usage = (await client.GetFromJsonAsync<JsonObject>("/v1/usage?limit=100", ct))!;
        return [.. usage["data"]!.AsArray().Where(row => row!["job_id"] is not null).Select(row => row!)];
    }
}
