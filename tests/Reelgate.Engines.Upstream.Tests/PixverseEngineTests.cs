using Reelgate.Core.Engines;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Engines.Upstream.Pixverse;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The PixVerse engine against a fake of PixVerse's platform API on loopback.</summary>
public sealed class PixverseEngineTests(MediaFixture media)
{
    private const string Key = "pv-test-key-0123456789";

    [Fact]
    public async Task Render_sends_the_key_a_job_derived_trace_id_and_every_field_when_t2v()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo(
            resolution: "1080p",
            aspectRatio: "4:3",
            duration: 8,
            style: "3d_animation",
            thinking: "disabled",
            negativePrompt: "text, watermark",
            seed: 123));

        (await host.Engine("pixverse").RenderAsync(job, ct)).ShouldBeRendered().ShouldHoldOutput(media.Video);

        var submit = fake.Of("submit").ShouldHaveSingleItem();
        submit.Path.ShouldBe("/openapi/v2/video/text/generate");
        submit.Header("API-KEY").ShouldBe(Key);
        submit.Header("Ai-trace-id").ShouldBe(TraceIds.ForJob(job.JobId).ToString());
        var body = submit.Json;
        body.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(
            [
                "aspect_ratio",
                "duration",
                "generate_audio_switch",
                "model",
                "motion_mode",
                "negative_prompt",
                "prompt",
                "quality",
                "seed",
                "style",
                "thinking_type"]);
        body["model"]!.GetValue<string>().ShouldBe("v5.6");
        body["quality"]!.GetValue<string>().ShouldBe("1080p");
        body["aspect_ratio"]!.GetValue<string>().ShouldBe("4:3");
        body["duration"]!.GetValue<int>().ShouldBe(8);
        body["seed"]!.GetValue<int>().ShouldBe(123);
        body["style"]!.GetValue<string>().ShouldBe("3d_animation");
        body["negative_prompt"]!.GetValue<string>().ShouldBe("text, watermark");
        body["motion_mode"]!.GetValue<string>().ShouldBe("normal");
        body["generate_audio_switch"]!.GetValue<bool>().ShouldBeTrue();
        body["thinking_type"]!.GetValue<string>().ShouldBe("disabled");
        var polls = fake.Of("poll").ToList();
        polls.ShouldAllBe(p => p.Path == "/openapi/v2/video/result/1" && p.Header("API-KEY") == Key);
        polls.Select(p => p.Header("Ai-trace-id")).Distinct().Count().ShouldBe(polls.Count);
    }

    [Fact]
    public async Task Render_uploads_the_image_cropped_to_the_aspect_ratio_and_uses_img_id_when_i2v()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var job = host.Job(Specs.ImageToVideo(aspectRatio: "16:9"), [new RenderInput("image", media.Image43, "image/png", 640, 480)]);

        (await host.Engine("pixverse").RenderAsync(job, ct)).ShouldBeRendered();

        var upload = fake.Uploads.ShouldHaveSingleItem();
        upload.Field.ShouldBe("image");
        upload.ContentType.ShouldBe("image/png");
        using var sent = NetVips.Image.NewFromBuffer(upload.Bytes);
        (sent.Width, sent.Height).ShouldBe((640, 360));
        fake.Of("upload").Single().Header("Ai-trace-id").ShouldBe(TraceIds.ForJob(job.JobId, "upload:image").ToString());
        var submit = fake.Of("submit").Single();
        submit.Path.ShouldBe("/openapi/v2/video/img/generate");
        submit.Json["img_id"]!.GetValue<long>().ShouldBe(1001);
        submit.Json.ContainsKey("aspect_ratio").ShouldBeFalse();
        submit.Json.ContainsKey("generate_multi_clip_switch").ShouldBeFalse();
    }

    [Fact]
    public async Task Render_uploads_the_normalised_bytes_unchanged_and_uses_the_transition_route_when_image_end()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var images = new[]
        {
            new RenderInput("image", media.Image169, "image/jpeg", 640, 360),
            new RenderInput("image_end", media.Image169, "image/jpeg", 640, 360),
        };

        (await host.Engine("pixverse").RenderAsync(host.Job(Specs.ImageToVideo(withEnd: true), images), ct)).ShouldBeRendered();

        fake.Uploads.Count.ShouldBe(2);
        fake.Uploads.ShouldAllBe(u => u.Bytes.SequenceEqual(File.ReadAllBytes(media.Image169)));
        var submit = fake.Of("submit").Single();
        submit.Path.ShouldBe("/openapi/v2/video/transition/generate");
        new[] { submit.Json["first_frame_img"]!.GetValue<long>(), submit.Json["last_frame_img"]!.GetValue<long>() }.Order().ShouldBe([
            1001L,
            1002L]);
    }

    [Fact]
    public async Task Render_sends_the_same_trace_id_again_and_gets_one_job_when_the_submission_answers_502()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 502, "bad gateway");
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        (await host.Engine("pixverse").RenderAsync(job, ct)).ShouldBeRendered();

        var submits = fake.Of("submit").ToList();
        submits.Count.ShouldBe(2);
        submits.Select(s => s.Header("Ai-trace-id")).Distinct().ShouldHaveSingleItem().ShouldBe(TraceIds.ForJob(job.JobId).ToString());
        fake.Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_fails_upstream_error_keeping_the_code_when_the_result_status_is_8()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.Ending = FakeEnding.Failed;
        await using var host = Host(fake);

        var failed = (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Error,
            retryable: false);

        failed.Error.Message.ShouldContain("status 8");
    }

    [Theory]
    [InlineData(500043, UpstreamErrors.InsufficientBalance, true)]
    [InlineData(500054, UpstreamErrors.Moderation, false)]
    [InlineData(400017, UpstreamErrors.Error, false)]
    [InlineData(400013, UpstreamErrors.Error, false)]
    [InlineData(500069, UpstreamErrors.Unavailable, true)]
    [InlineData(500044, UpstreamErrors.RateLimited, true)]
    [InlineData(999999, UpstreamErrors.Error, false)]
    public async Task Render_maps_the_ErrCode_when_the_submission_is_refused(long errCode, string code, bool retryable)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 200, PixverseFake.Envelope(errCode, "refused for a reason"));
        await using var host = Host(fake);

        var failed = (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(code, retryable);

        failed.Error.Message.ShouldContain(errCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        failed.Error.Message.ShouldContain("refused for a reason");
        failed.Error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public async Task Render_fails_at_once_when_the_result_status_is_6_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.EndStatus = 6;
        await using var host = Host(fake);

        var failed = (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Error,
            retryable: false);

        failed.Error.Message.ShouldContain("status 6");
        failed.Error.Message.ShouldContain("deleted");
        fake.Of("poll").Count().ShouldBe(2);
        fake.Of("download").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_fails_naming_the_status_when_the_result_status_is_unknown()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.EndStatus = 9;
        await using var host = Host(fake);

        var failed = (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Error,
            retryable: false);

        failed.Error.Message.ShouldContain("status 9");
        fake.Of("poll").Count().ShouldBe(2);
    }

    [Fact]
    public async Task Render_polls_again_and_completes_when_a_poll_answers_ErrCode_500069()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus(
            "poll",
            200,
            PixverseFake.Envelope(500069, "The current model is under high load, please try again later"),
            times: 2);
        await using var host = Host(fake);

        (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered().ShouldHoldOutput(media.Video);

        fake.Of("submit").Count().ShouldBe(1);
        fake.Of("poll").Count().ShouldBe(4);
    }

    [Fact]
    public async Task Render_sends_the_multi_clip_switch_only_for_models_that_take_it_when_v5_5()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var image = new RenderInput("image", media.Image169, "image/jpeg", 640, 360);

        (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo(model: "pixverse-v5-5")), ct)).ShouldBeRendered();
        (await host.Engine("pixverse").RenderAsync(host.Job(Specs.ImageToVideo() with { Model = "pixverse-v5-5" }, [image]), ct))
            .ShouldBeRendered();
        (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeRendered();

        var submits = fake.Of("submit").ToList();
        submits.Count.ShouldBe(3);
        submits[0].Json["model"]!.GetValue<string>().ShouldBe("v5.5");
        submits[0].Json["generate_multi_clip_switch"]!.GetValue<bool>().ShouldBeFalse();
        submits[1].Path.ShouldBe("/openapi/v2/video/img/generate");
        submits[1].Json["generate_multi_clip_switch"]!.GetValue<bool>().ShouldBeFalse();
        submits[2].Json["model"]!.GetValue<string>().ShouldBe("v5.6");
        submits[2].Json.ContainsKey("generate_multi_clip_switch").ShouldBeFalse();
    }

    [Fact]
    public async Task Render_fails_timed_out_saying_PixVerse_has_no_cancel_call_when_the_job_never_finishes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.Ending = FakeEnding.Never;
        await using var host = new EngineHost(EngineHost.Settings(
            PixverseOptions.SectionName,
            fake.BaseUrl,
            Key,
            ("Timeout", "00:00:00.500")));

        var failed = (await host.Engine("pixverse").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.TimedOut,
            retryable: false);

        failed.Error.Message.ShouldNotContain("asked to cancel");
        failed.Error.Message.ShouldContain("no call to cancel");
        failed.Error.Message.ShouldContain("hold");
        fake.Requests.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal).ShouldBe(["poll", "submit"]);
    }

    [Fact]
    public async Task Render_sends_the_same_trace_id_again_and_gets_one_job_when_the_submission_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultSlow("submit", TimeSpan.FromSeconds(20));
        await using var host = new EngineHost(EngineHost.Settings(
            PixverseOptions.SectionName,
            fake.BaseUrl,
            Key,
            ("RequestTimeout", "00:00:03")));
        var job = host.Job(Specs.TextToVideo());

        (await host.Engine("pixverse").RenderAsync(job, ct)).ShouldBeRendered();

        var submits = fake.Of("submit").ToList();
        submits.Count.ShouldBe(2);
        submits.Select(s => s.Header("Ai-trace-id")).Distinct().ShouldHaveSingleItem().ShouldBe(TraceIds.ForJob(job.JobId).ToString());
        fake.Jobs.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Render_fails_upstream_uncertain_after_resending_with_the_same_trace_id_when_every_submission_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultSlow("submit", TimeSpan.FromSeconds(20), times: 10);
        await using var host = new EngineHost(EngineHost.Settings(
            PixverseOptions.SectionName,
            fake.BaseUrl,
            Key,
            ("RequestTimeout", "00:00:03"),
            ("Retries", "2")));
        var job = host.Job(Specs.TextToVideo());

        var failed = (await host.Engine("pixverse").RenderAsync(job, ct)).ShouldBeFailed(UpstreamErrors.Uncertain, retryable: false);

        failed.Error.Message.ShouldContain("same trace id");
        failed.Error.Message.ShouldContain("did not submit it elsewhere");
        var submits = fake.Of("submit").ToList();
        submits.Count.ShouldBe(3);
        submits.Select(s => s.Header("Ai-trace-id")).Distinct().ShouldHaveSingleItem().ShouldBe(TraceIds.ForJob(job.JobId).ToString());
        job.Checkpoint.Saved.ShouldBeNull();
    }

    [Fact]
    public async Task CheckSupport_refuses_a_model_without_a_PixVerse_name()
    {
        await using var host = new EngineHost(EngineHost.Settings(PixverseOptions.SectionName, new Uri("http://127.0.0.1:9/"), Key));

        var failure = host.Engine("pixverse").CheckSupport(Specs.TextToVideo(model: "pixverse-v4"));

        failure.ShouldNotBeNull();
        failure.Param.ShouldBe("model");
        failure.Code.ShouldBe("unsupported_by_engine");
        failure.Message.ShouldContain("PixVerse");
    }

    [Fact]
    public async Task CheckSupport_accepts_a_catalog_model_mapped_in_settings()
    {
        await using var host = new EngineHost(EngineHost.Settings(
            PixverseOptions.SectionName,
            new Uri("http://127.0.0.1:9/"),
            Key,
            ("Models:pixverse-v4-5", "v4.5")));

        host.Engine("pixverse").CheckSupport(Specs.TextToVideo(model: "pixverse-v4-5")).ShouldBeNull();
    }

    private Task<PixverseFake> StartAsync(CancellationToken ct) => FakeProvider.StartedAsync(new PixverseFake(media.Video, Key), ct);

    private static EngineHost Host(PixverseFake fake) => new(EngineHost.Settings(PixverseOptions.SectionName, fake.BaseUrl, Key));
}
