using System.Text.Json.Nodes;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Engines.Upstream.OpenAiVideo;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// The openai-video engine against strict fakes of SGLang Diffusion's and vLLM-Omni's /v1/videos: the exact request
/// per dialect, image-to-video as multipart, resume after a crash without a second submission, cancel, a server
/// that never finishes, malformed and failed answers.
/// </summary>
public sealed class OpenAiVideoEngineTests(MediaFixture media)
{
    private const string T2v =
        """{"model": "wan2.2-t2v", "prompt": "a heron lands on a pier", "size": "832x480", "num_frames": 33, "seed": 7,""" +
            """ "negative_prompt": "blur", "guidance_scale": 3.5}""";
    private const string I2v = """{"model": "wan2.2-i2v", "prompt": "the boat drifts", "image": "upl_boat", "seed": 9}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(EngineHost Host, IVideoEngine Engine)> HostAsync(
        OpenAiVideoFake fake,
        string dialect,
        params (string, string)[] extra)
    {
        await fake.StartAsync(Token);
        var host = new EngineHost(GpuServers.Settings(dialect, [fake.BaseUrl], null, extra));
        return (host, host.Engine(OpenAiVideoEngine.EngineName));
    }

    private RenderInput Image() => new(JobInput.ImageRole, media.Image169, "image/jpeg", 640, 360);

    [Fact]
    public async Task Sglang_text_to_video_is_one_json_body_with_the_cards_fields()
    {
        await using var fake = new SglangVideoFake(media.Video);
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.Sglang);
        await using var _ = host;

        var rendered = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeRendered();

        rendered.ShouldHoldOutput(media.Video);
        var submit = fake.Of("submit").Single();
        submit.Header("Content-Type").ShouldStartWith("application/json");
        submit.Header("Authorization").ShouldBeNull();
        submit.Json.ToJsonString().ShouldBe(new JsonObject
        {
            ["prompt"] =
                "a heron lands on a pier", ["model"] = GpuServers.T2vModel, ["size"] = "832x480", ["num_frames"] = 33, ["fps"] = 16,
            ["seed"] = 7, ["negative_prompt"] = "blur", ["num_inference_steps"] = 40, ["guidance_scale"] = 3.5,
        }.ToJsonString());
        var id = fake.Jobs.Single().Id;
        fake.Of("poll").ShouldAllBe(r => r.Path == $"/v1/videos/{id}");
        fake.Of("content").Single().Path.ShouldBe($"/v1/videos/{id}/content");
    }

    [Fact]
    public async Task Vllm_omni_text_to_video_is_form_fields_and_carries_the_key()
    {
        await using var fake = new VllmOmniVideoFake(media.Video) { PollsToFinish = 3 };
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni, ("ApiKey", "gpu-key-123"));
        await using var _ = host;

        var job = host.Job(GpuServers.Parse(T2v));
        (await engine.RenderAsync(job, Token)).ShouldBeRendered().ShouldHoldOutput(media.Video);

        fake.Of("submit").Single().Header("Content-Type").ShouldStartWith("multipart/form-data");
        fake.Requests.ShouldAllBe(r => r.Header("Authorization") == "Bearer gpu-key-123");
        fake.Jobs.Single().Body.ToJsonString().ShouldBe(new JsonObject
        {
            ["prompt"] =
                "a heron lands on a pier", ["model"] = GpuServers.T2vModel, ["size"] = "832x480", ["num_frames"] = "33", ["fps"] = "16",
            ["seed"] = "7", ["negative_prompt"] = "blur", ["num_inference_steps"] = "40", ["guidance_scale"] = "3.5",
        }.ToJsonString());
        ((RecordingProgress)job.Progress).Values.ShouldContain(v => v > 5 && v < 90);
    }

    [Fact]
    public async Task Sglang_image_to_video_is_multipart_with_input_reference_and_extra_body()
    {
        await using var fake = new SglangVideoFake(media.Video);
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.Sglang);
        await using var _ = host;

        (await engine.RenderAsync(host.Job(GpuServers.Parse(I2v), [Image()]), Token)).ShouldBeRendered();

        var upload = fake.Uploads.Single();
        (upload.Field, upload.ContentType).ShouldBe(("input_reference", "image/jpeg"));
        upload.Bytes.ShouldBe(File.ReadAllBytes(media.Image169));
        fake.Jobs.Single().Body.ToJsonString().ShouldBe(new JsonObject
        {
            ["prompt"] = "the boat drifts", ["model"] = GpuServers.I2vModel, ["size"] = "832x480", ["seconds"] = "5", ["fps"] = "16",
            ["extra_body"] = new JsonObject { ["seed"] = 9, ["num_inference_steps"] = 40, ["guidance_scale"] = 3.5 },
            ["input_reference"] = "input.jpg",
        }.ToJsonString());
    }

    [Fact]
    public async Task Vllm_omni_image_to_video_sends_seconds_as_text_and_the_image_as_input_reference()
    {
        await using var fake = new VllmOmniVideoFake(media.Video);
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni);
        await using var _ = host;

        (await engine.RenderAsync(host.Job(GpuServers.Parse(I2v), [Image()]), Token)).ShouldBeRendered();

        fake.Uploads.Single().Bytes.ShouldBe(File.ReadAllBytes(media.Image169));
        fake.Jobs.Single().Body.ToJsonString().ShouldBe(new JsonObject
        {
            ["prompt"] = "the boat drifts", ["model"] = GpuServers.I2vModel, ["size"] = "832x480", ["seconds"] = "5", ["fps"] = "16",
            ["seed"] = "9", ["num_inference_steps"] = "40", ["guidance_scale"] = "3.5", ["input_reference"] = "input.jpg",
        }.ToJsonString());
    }

    [Fact]
    public async Task Openai_dialect_refuses_a_card_parameter_the_protocol_lacks_and_sends_only_its_fields()
    {
        await using var fake = new VllmOmniVideoFake(media.Video);
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.OpenAi);
        await using var _ = host;

        var refused = engine.CheckSupport(GpuServers.Parse(T2v)).ShouldNotBeNull();
        (refused.Param, refused.Code).ShouldBe(("num_frames", "unsupported_by_engine"));

        var plain = Specs.TextToVideo(audio: false, model: "wan2.2-t2v");
        engine.CheckSupport(plain).ShouldBeNull();
        (await engine.RenderAsync(host.Job(plain), Token)).ShouldBeRendered();
        fake.Jobs.Single().Body.ToJsonString().ShouldBe(new JsonObject
        {
            ["prompt"] = plain.Prompt, ["model"] = GpuServers.T2vModel, ["size"] = "1280x720", ["seconds"] = "5",
        }.ToJsonString());
    }

    [Fact]
    public async Task Restart_resumes_the_same_remote_video_without_a_second_submission()
    {
        await using var fake = await FakeProvider.StartedAsync(new SglangVideoFake(media.Video) { Hold = true }, Token);
        var settings = GpuServers.Settings(OpenAiVideoDialect.Sglang, [fake.BaseUrl]);
        var checkpoint = new MemoryCheckpoint();
        var jobId = "job_resume";
        await using (var first = new EngineHost(settings))
        {
            using var crash = CancellationTokenSource.CreateLinkedTokenSource(Token);
            var running = first.Engine(OpenAiVideoEngine.EngineName).RenderAsync(
                first.Job(GpuServers.Parse(T2v), checkpoint: checkpoint, jobId: jobId),
                crash.Token);
            await Poll.UntilAsync(() => fake.Of("poll").Any(), TimeSpan.FromSeconds(30), Token, () => "the first status poll");
            await crash.CancelAsync();
            (await Record.ExceptionAsync(() => running)).ShouldBeAssignableTo<OperationCanceledException>();
        }

        await using var second = new EngineHost(settings);
        var polls = fake.Of("poll").Count();
        var resumed = second.Engine(OpenAiVideoEngine.EngineName).RenderAsync(
            second.Job(GpuServers.Parse(T2v), checkpoint: new MemoryCheckpoint(checkpoint.Saved), jobId: jobId),
            Token);
        await Poll.UntilAsync(() => fake.Of("poll").Count() > polls, TimeSpan.FromSeconds(30), Token, () => "the restarted engine to poll");
        fake.Hold = false;

        (await resumed).ShouldBeRendered().ShouldHoldOutput(media.Video);
        fake.Of("submit").Count().ShouldBe(1);
        checkpoint.Saves.Count.ShouldBe(1);
        fake.Of("poll").ShouldAllBe(r => r.Path == $"/v1/videos/{fake.Jobs.Single().Id}");
    }

    [Fact]
    public async Task Cancel_deletes_the_video_on_its_server()
    {
        await using var fake = new VllmOmniVideoFake(media.Video) { Hold = true };
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni);
        await using var _ = host;
        var checkpoint = new MemoryCheckpoint();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var job = host.Job(GpuServers.Parse(T2v), checkpoint: checkpoint);

        var running = engine.RenderAsync(job, cancel.Token);
        await Poll.UntilAsync(() => fake.Of("poll").Any(), TimeSpan.FromSeconds(30), Token, () => "the status poll");
        await cancel.CancelAsync();
        (await Record.ExceptionAsync(() => running)).ShouldBeAssignableTo<OperationCanceledException>();
        await engine.AbandonAsync(job.JobId, checkpoint.Saved!, Token);

        var id = fake.Jobs.Single().Id;
        fake.Of("cancel").Single().Path.ShouldBe($"/v1/videos/{id}");
        fake.Deleted.ShouldContain(id);
    }

    [Fact]
    public async Task Server_that_never_finishes_times_out_and_is_asked_to_delete_the_video()
    {
        await using var fake = new SglangVideoFake(media.Video) { Ending = FakeEnding.Never };
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.Sglang, ("Timeout", "00:00:00.500"));
        await using var _ = host;

        var failed = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeFailed("timed_out", retryable: false);

        failed.Error.Message.ShouldContain("did not finish the job within 00:00:00.5");
        fake.Of("cancel").Single().Path.ShouldBe($"/v1/videos/{fake.Jobs.Single().Id}");
        fake.Of("submit").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_submission_answer_fails_without_a_second_submission()
    {
        await using var fake = new SglangVideoFake(media.Video);
        fake.FaultMalformed("submit");
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.Sglang);
        await using var _ = host;

        var failed = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeFailed("upstream_error", retryable: false);

        failed.Error.Message.ShouldContain("did not submit it again");
        fake.Of("submit").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_status_answers_are_polled_again_until_the_video_is_done()
    {
        await using var fake = new VllmOmniVideoFake(media.Video);
        fake.FaultMalformed("poll", times: 2);
        fake.FaultStatus("poll", 200, """{"id": "someone-else", "status": "completed"}""");
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni);
        await using var _ = host;

        (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeRendered();

        fake.Of("poll").Count().ShouldBeGreaterThanOrEqualTo(4);
        fake.Of("submit").Count().ShouldBe(1);
    }

    [Fact]
    public async Task Failed_video_fails_the_job_with_the_servers_message()
    {
        await using var fake = new VllmOmniVideoFake(media.Video) { Ending = FakeEnding.Failed };
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni);
        await using var _ = host;

        var failed = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeFailed("upstream_error", retryable: false);

        failed.Error.Message.ShouldContain("CUDA out of memory");
        fake.Of("content").ShouldBeEmpty();
    }

    [Fact]
    public async Task Refused_submission_names_the_servers_complaint()
    {
        await using var fake = new VllmOmniVideoFake(media.Video);
        fake.FaultStatus(
            "submit",
            422,
            """{"detail": [{"type": "value_error", "loc": ["body", "num_frames"],""" +
                """ "msg": "Input should be greater than or equal to 1"}]}""");
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.VllmOmni);
        await using var _ = host;

        var failed = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeFailed("upstream_error", retryable: false);

        failed.Error.Message.ShouldContain("Input should be greater than or equal to 1");
        fake.Jobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task Card_check_names_parameters_the_dialect_cannot_take()
    {
        await using var fake = new VllmOmniVideoFake(media.Video);
        var (host, engine) = await HostAsync(fake, OpenAiVideoDialect.OpenAi);
        await using var _ = host;
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "open-models.json"));
        var card = Reelgate.Core.Catalog.ModelCatalog.Load(file).Find("wan2.2-t2v")!;

        ((Reelgate.Core.Engines.ICardRequirements)engine).ProblemsWith(card).ShouldBe([
            "model wan2.2-t2v: parameter num_frames is not taken by the openai dialect of engine openai-video",
            "model wan2.2-t2v: parameter fps is not taken by the openai dialect of engine openai-video",
            "model wan2.2-t2v: parameter num_inference_steps is not taken by the openai dialect of engine openai-video",
            "model wan2.2-t2v: parameter guidance_scale is not taken by the openai dialect of engine openai-video",
        ]);
    }
}
