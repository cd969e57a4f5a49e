using Reelgate.Core.Engines;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Engines.Upstream.Replicate;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The Replicate engine against a fake of Replicate's predictions API on loopback.</summary>
public sealed class ReplicateEngineTests(MediaFixture media)
{
    private const string Key = "r8_test_token_0123456789";

    [Fact]
    public async Task Render_creates_a_prediction_with_every_mapped_input_when_i2v_with_an_end_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        await using var host = Host(fake);
        var images = new[]
        {
            new RenderInput("image", media.Image169, "image/jpeg", 640, 360),
            new RenderInput("image_end", media.Image169, "image/jpeg", 640, 360),
        };
        var spec = Specs.ImageToVideo(withEnd: true) with
        {
            NegativePrompt = "blur",
            Resolution = "360p",
            DurationSeconds = 10,
            Audio = false,
        };

        (await host.Engine("replicate").RenderAsync(host.Job(spec, images), ct)).ShouldBeRendered().ShouldHoldOutput(media.Video);

        var submit = fake.Of("submit").ShouldHaveSingleItem();
        submit.Path.ShouldBe("/v1/models/pixverse/pixverse-v5.6/predictions");
        submit.Header("Authorization").ShouldBe("Bearer " + Key);
        var input = submit.Json["input"]!.AsObject();
        input.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(
            [
                "aspect_ratio",
                "duration",
                "generate_audio_switch",
                "image",
                "last_frame_image",
                "negative_prompt",
                "prompt",
                "quality",
                "seed",
                "thinking_type"]);
        input["quality"]!.GetValue<string>().ShouldBe("360p");
        input["duration"]!.GetValue<int>().ShouldBe(10);
        input["aspect_ratio"]!.GetValue<string>().ShouldBe("16:9");
        input["generate_audio_switch"]!.GetValue<bool>().ShouldBeFalse();
        var dataUri = "data:image/jpeg;base64," + Convert.ToBase64String(File.ReadAllBytes(media.Image169));
        input["image"]!.GetValue<string>().ShouldBe(dataUri);
        input["last_frame_image"]!.GetValue<string>().ShouldBe(dataUri);
        fake.Of("poll").ShouldAllBe(p => p.Path == "/v1/predictions/pred1" && p.Header("Authorization") == "Bearer " + Key);
    }

    [Fact]
    public async Task Render_fails_insufficient_balance_before_acceptance_when_billing_answers_402()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus(
            "submit",
            402,
            """{"title": "Insufficient credit", "detail": "You have insufficient credit to run this model.", "status": 402}""");
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        var failed = (await host.Engine("replicate").RenderAsync(job, ct)).ShouldBeFailed(
            UpstreamErrors.InsufficientBalance,
            retryable: true);

        failed.Error.Message.ShouldContain("insufficient credit");
        job.Checkpoint.Saved.ShouldBeNull();
    }

    [Fact]
    public async Task Render_fails_upstream_error_with_the_detail_when_the_input_is_refused_with_422()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultStatus("submit", 422, """{"detail": "- input.duration: duration must be one of the following: 5, 8"}""");
        await using var host = Host(fake);

        var failed = (await host.Engine("replicate").RenderAsync(host.Job(Specs.TextToVideo(duration: 10)), ct)).ShouldBeFailed(
            UpstreamErrors.Error,
            retryable: false);

        failed.Error.Message.ShouldContain("duration must be one of");
        failed.Error.Message.ShouldContain("HTTP 422");
    }

    [Fact]
    public async Task CheckSupport_refuses_a_style_naming_the_param_because_the_model_has_no_style_input()
    {
        await using var host = new EngineHost(EngineHost.Settings(ReplicateOptions.SectionName, new Uri("http://127.0.0.1:9/"), Key));

        var failure = host.Engine("replicate").CheckSupport(Specs.TextToVideo(style: "anime"));

        failure.ShouldNotBeNull();
        failure.Param.ShouldBe("style");
        failure.Code.ShouldBe("unsupported_by_engine");
        failure.Message.ShouldContain("Replicate");
        host.Engine("replicate").CheckSupport(Specs.TextToVideo(style: "none")).ShouldBeNull();
    }

    [Fact]
    public async Task Render_fails_retryable_so_the_worker_resubmits_when_the_submission_times_out_and_ResubmitWhenUncertain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultSlow("submit", TimeSpan.FromSeconds(20));
        await using var host = new EngineHost(EngineHost.Settings(ReplicateOptions.SectionName, fake.BaseUrl, Key,
            ("RequestTimeout", "00:00:03"), ("ResubmitWhenUncertain", "true")));

        var failed = (await host.Engine("replicate").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Uncertain,
            retryable: true);

        failed.Error.Message.ShouldContain("set to submit it again");
        fake.Of("submit").Count().ShouldBe(1);
    }

    private Task<ReplicateFake> StartAsync(CancellationToken ct) => FakeProvider.StartedAsync(new ReplicateFake(media.Video, Key), ct);

    private static EngineHost Host(ReplicateFake fake) => new(EngineHost.Settings(ReplicateOptions.SectionName, fake.BaseUrl, Key));
}
