using System.Diagnostics;
using Reelgate.Core.Engines;
using Reelgate.Engines.Upstream.Fal;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The fal engine against a fake of fal's queue API on loopback.</summary>
public sealed class FalEngineTests(MediaFixture media)
{
    private const string Key = "fal-key-id:fal-secret-0123456789";

    [Fact]
    public async Task Render_sends_every_mapped_field_with_the_key_and_keeps_the_output_when_t2v()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo(
            resolution: "540p",
            aspectRatio: "9:16",
            duration: 8,
            audio: false,
            style: "anime",
            thinking: "enabled",
            negativePrompt: "blurry",
            seed: 7));

        var outcome = await host.Engine("fal").RenderAsync(job, ct);

        outcome.ShouldBeRendered().ShouldHoldOutput(media.Video);
        var submit = fake.Of("submit").ShouldHaveSingleItem();
        submit.Method.ShouldBe("POST");
        submit.Path.ShouldBe("/fal-ai/pixverse/v5.6/text-to-video");
        submit.Header("Authorization").ShouldBe("Key " + Key);
        var body = submit.Json;
        body.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(
            [
                "aspect_ratio",
                "duration",
                "generate_audio_switch",
                "negative_prompt",
                "prompt",
                "resolution",
                "seed",
                "style",
                "thinking_type"]);
        body["prompt"]!.GetValue<string>().ShouldBe("a red fox runs through snow at dawn");
        body["resolution"]!.GetValue<string>().ShouldBe("540p");
        body["aspect_ratio"]!.GetValue<string>().ShouldBe("9:16");
        body["duration"]!.GetValue<string>().ShouldBe("8");
        body["seed"]!.GetValue<int>().ShouldBe(7);
        body["style"]!.GetValue<string>().ShouldBe("anime");
        body["negative_prompt"]!.GetValue<string>().ShouldBe("blurry");
        body["thinking_type"]!.GetValue<string>().ShouldBe("enabled");
        body["generate_audio_switch"]!.GetValue<bool>().ShouldBeFalse();

        // The URLs fal answered with (on the app id), with the key; the output fetched without it.
        fake.Of("poll").ShouldAllBe(r => r.Path == "/fal-ai/pixverse/requests/req-1/status" && r.Header("Authorization") == "Key " + Key);
        fake.Of("result").ShouldHaveSingleItem().Path.ShouldBe("/fal-ai/pixverse/requests/req-1");
        fake.Of("download").ShouldHaveSingleItem().Header("Authorization").ShouldBeNull();
        var handle = UpstreamHandle.Parse(((MemoryCheckpoint)job.Checkpoint).Saves.ShouldHaveSingleItem(), DateTimeOffset.MinValue)!;
        handle.Id.ShouldBe("req-1");
        handle.StatusUrl.ShouldBe(new Uri(fake.BaseUrl, "fal-ai/pixverse/requests/req-1/status").AbsoluteUri);
        ((RecordingProgress)job.Progress).Values.ShouldBeInOrder();
    }

    [Fact]
    public async Task Render_omits_style_when_none()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        var body = fake.Of("submit").Single().Json;
        body.ContainsKey("style").ShouldBeFalse();
        body.ContainsKey("negative_prompt").ShouldBeFalse();
    }

    [Fact]
    public async Task Render_sends_the_normalised_bytes_as_a_data_uri_when_i2v()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var image = new RenderInput("image", media.Image169, "image/jpeg", 640, 360);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.ImageToVideo(), [image]), ct)).ShouldBeRendered();

        var submit = fake.Of("submit").Single();
        submit.Path.ShouldBe("/fal-ai/pixverse/v5.6/image-to-video");
        submit.Json["image_url"]!.GetValue<string>().ShouldBe(
            "data:image/jpeg;base64," + Convert.ToBase64String(File.ReadAllBytes(media.Image169)));
        submit.Json.ContainsKey("aspect_ratio").ShouldBeFalse();
    }

    [Fact]
    public async Task Render_fits_both_frames_to_the_aspect_ratio_when_transition()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var images = new[]
        {
            new RenderInput("image", media.Image43, "image/png", 640, 480),
            new RenderInput("image_end", media.Image169, "image/jpeg", 640, 360),
        };

        (await host.Engine("fal").RenderAsync(host.Job(Specs.ImageToVideo(withEnd: true), images), ct)).ShouldBeRendered();

        var body = fake.Of("submit").Single().Json;
        fake.Of("submit").Single().Path.ShouldBe("/fal-ai/pixverse/v5.6/transition");
        body["aspect_ratio"]!.GetValue<string>().ShouldBe("16:9");
        var first = DataUriImage(body["first_image_url"]!.GetValue<string>(), "image/png");
        (first.Width, first.Height).ShouldBe((640, 360));
        body["end_image_url"]!.GetValue<string>().ShouldBe(
            "data:image/jpeg;base64," + Convert.ToBase64String(File.ReadAllBytes(media.Image169)));
    }

    [Fact]
    public async Task Render_fails_retryable_without_resubmitting_when_submit_answers_500()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 500, """{"detail": "Internal Server Error"}""", times: 10);
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        var failed = (await host.Engine("fal").RenderAsync(job, ct)).ShouldBeFailed(UpstreamErrors.Unavailable, retryable: true);

        failed.Error.Message.ShouldContain("fal");
        fake.Of("submit").Count().ShouldBe(1);
        job.Checkpoint.Saved.ShouldBeNull();
    }

    [Fact]
    public async Task Render_retries_the_submission_after_Retry_After_when_submit_answers_429()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 429, """{"detail": "Too many requests"}""", retryAfter: "1");
        await using var host = Host(fake);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        var submits = fake.Of("submit").ToList();
        submits.Count.ShouldBe(2);
        fake.Jobs.Count.ShouldBe(1);
        Stopwatch.GetElapsedTime(submits[0].Timestamp, submits[1].Timestamp).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task Render_waits_as_asked_and_completes_when_a_poll_answers_429_with_Retry_After()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("poll", 429, """{"detail": "Too many requests"}""", retryAfter: "1");
        await using var host = Host(fake);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        var polls = fake.Of("poll").ToList();
        polls.Count.ShouldBeGreaterThanOrEqualTo(2);
        Stopwatch.GetElapsedTime(polls[0].Timestamp, polls[1].Timestamp).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95));
    }

    [Fact]
    public async Task Render_completes_when_a_poll_answers_slower_than_the_request_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultSlow("poll", TimeSpan.FromSeconds(10));
        await using var host = Host(fake, ("RequestTimeout", "00:00:02"));

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        fake.Of("submit").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Render_fails_without_resubmitting_when_the_submission_answer_is_malformed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultMalformed("submit");
        await using var host = Host(fake);

        var failed = (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Uncertain,
            retryable: false);

        failed.Error.Message.ShouldContain("did not submit it again");
        fake.Of("submit").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Render_polls_again_when_a_status_answer_is_malformed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultMalformed("poll", times: 2);
        await using var host = Host(fake);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();
    }

    [Fact]
    public async Task Render_fails_output_unavailable_when_the_output_url_answers_404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("download", 404, "not found");
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        (await host.Engine("fal").RenderAsync(job, ct)).ShouldBeFailed(UpstreamErrors.OutputUnavailable, retryable: false);

        File.Exists(Path.Combine(job.WorkDirectory, "video.mp4")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_fails_output_too_large_when_the_output_passes_the_limit(bool chunked)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.ChunkedOutput = chunked;
        await using var host = Host(fake, ("MaxOutputBytes", "4096"));
        var job = host.Job(Specs.TextToVideo());

        var failed = (await host.Engine("fal").RenderAsync(job, ct)).ShouldBeFailed(UpstreamErrors.OutputTooLarge, retryable: false);

        failed.Error.Message.ShouldContain("4096");
        File.Exists(Path.Combine(job.WorkDirectory, "video.mp4")).ShouldBeFalse();
    }

    [Fact]
    public async Task Render_keeps_the_key_out_of_the_error_when_fal_echoes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 401, $$"""{"detail": "Invalid key {{Key}} for this app"}""", times: 10);
        await using var host = Host(fake);

        var failed = (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Unauthorized,
            retryable: true);

        failed.Error.Message.ShouldNotContain("fal-secret-0123456789");
        failed.Error.Message.ShouldNotContain("fal-key-id");
        failed.Error.Message.ShouldContain("[redacted]");
    }

    [Fact]
    public async Task Render_resumes_polling_without_submitting_when_a_checkpoint_was_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        fake.Hold = true;
        var first = host.Job(Specs.TextToVideo());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = host.Engine("fal").RenderAsync(first, stop.Token);
        await Poll.UntilAsync(() => fake.Of("poll").Any(), TimeSpan.FromSeconds(30), ct);
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(running);

        fake.Hold = false;
        var resumed = host.Job(Specs.TextToVideo(), checkpoint: new MemoryCheckpoint(first.Checkpoint.Saved), jobId: first.JobId + "r");
        (await host.Engine("fal").RenderAsync(resumed, ct)).ShouldBeRendered();

        fake.Of("submit").Count().ShouldBe(1);
        ((MemoryCheckpoint)resumed.Checkpoint).Saves.ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_stops_after_acceptance_when_the_lease_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);

        var outcome = await host.Engine("fal").RenderAsync(
            host.Job(Specs.TextToVideo(), checkpoint: new MemoryCheckpoint { LeaseLost = true }),
            ct);

        outcome.ShouldBeFailed(UpstreamErrors.LeaseLost, retryable: false);
        fake.Of("poll").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_retries_the_submission_and_gets_one_request_when_submit_answers_503_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 503, """{"detail": "Service Unavailable"}""");
        await using var host = Host(fake);

        (await host.Engine("fal").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        fake.Of("submit").Count().ShouldBe(2);
        fake.Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_sends_the_multi_clip_switch_on_v5_5_text_and_image_routes_only()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var image = new RenderInput("image", media.Image169, "image/jpeg", 640, 360);
        var v55 = Specs.TextToVideo(model: "pixverse-v5-5");

        (await host.Engine("fal").RenderAsync(host.Job(v55), ct)).ShouldBeRendered();
        (await host.Engine("fal").RenderAsync(host.Job(v55 with { Mode = "i2v", Image = "upl_a" }, [image]), ct)).ShouldBeRendered();
        (await host.Engine("fal").RenderAsync(
            host.Job(v55 with { Mode = "i2v", Image = "upl_a", ImageEnd = "upl_b" }, [image, image with { Role = "image_end" }]),
            ct)).ShouldBeRendered();
        (await host.Engine("fal").RenderAsync(host.Job(Specs.ImageToVideo(), [image]), ct)).ShouldBeRendered();

        var submits = fake.Of("submit").ToList();
        submits.Select(r => r.Path).ShouldBe([
            "/fal-ai/pixverse/v5.5/text-to-video",
            "/fal-ai/pixverse/v5.5/image-to-video",
            "/fal-ai/pixverse/v5.5/transition",
            "/fal-ai/pixverse/v5.6/image-to-video"]);
        submits[0].Json["generate_multi_clip_switch"]!.GetValue<bool>().ShouldBeFalse();
        submits[1].Json["generate_multi_clip_switch"]!.GetValue<bool>().ShouldBeFalse();
        submits[2].Json.ContainsKey("generate_multi_clip_switch").ShouldBeFalse();
        submits[3].Json.ContainsKey("generate_multi_clip_switch").ShouldBeFalse();
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("negative_prompt")]
    public async Task CheckSupport_refuses_more_than_2048_UTF8_bytes_naming_the_param_when_the_characters_fit(string param)
    {
        await using var host = new EngineHost(EngineHost.Settings(FalOptions.SectionName, new Uri("http://127.0.0.1:9/"), Key));
        var fits = new string('é', 1024);
        var over = fits + "a";

        var spec = param == "prompt" ? Specs.TextToVideo() with { Prompt = over } : Specs.TextToVideo(negativePrompt: over);
        var failure = host.Engine("fal").CheckSupport(spec);
        var accepted = host.Engine("fal").CheckSupport(
            param == "prompt" ? Specs.TextToVideo() with { Prompt = fits } : Specs.TextToVideo(negativePrompt: fits));

        accepted.ShouldBeNull();
        failure.ShouldNotBeNull();
        failure.Param.ShouldBe(param);
        failure.Code.ShouldBe("unsupported_by_engine");
        failure.Message.ShouldContain("2049 bytes");
        failure.Message.ShouldContain("at most 2048 bytes");
    }

    private static NetVips.Image DataUriImage(string dataUri, string contentType)
    {
        dataUri.ShouldStartWith($"data:{contentType};base64,");
        return NetVips.Image.NewFromBuffer(Convert.FromBase64String(dataUri[(dataUri.IndexOf(',', StringComparison.Ordinal) + 1)..]));
    }

    private Task<FalFake> StartAsync(CancellationToken ct) => FakeProvider.StartedAsync(new FalFake(media.Video, Key), ct);

    private static EngineHost Host(FalFake fake, params (string, string)[] extra) =>
        new(EngineHost.Settings(FalOptions.SectionName, fake.BaseUrl, Key, extra));
}
