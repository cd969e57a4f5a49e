using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Engines.Upstream.OpenAiVideo;
using Reelgate.Testing;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>
/// The openai-video engine's pool of GPU servers: a job goes to the server with the most free places, no server
/// ever holds more than its capacity (the rest wait in Reelgate), a server that refuses connections is taken out,
/// and one taken out comes back when its health check answers.
/// </summary>
public sealed class GpuServerPoolTests(MediaFixture media)
{
    private const string T2v = """{"model": "wan2.2-t2v", "prompt": "a heron", "size": "832x480", "num_frames": 17}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jobs_go_to_the_most_free_server_and_wait_in_reelgate_past_every_capacity()
    {
        await using var small = new SglangVideoFake(media.Video) { Hold = true };
        await using var large = new SglangVideoFake(media.Video) { Hold = true };
        await small.StartAsync(Token);
        await large.StartAsync(Token);
        await using var host = new EngineHost(GpuServers.Settings(OpenAiVideoDialect.Sglang, [small.BaseUrl, large.BaseUrl], [1, 2]));
        var engine = (OpenAiVideoEngine)host.Engine(OpenAiVideoEngine.EngineName);

        var renders = Enumerable.Range(0, 4).Select(_ => engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ToList();
        await Poll.UntilAsync(
            () => engine.Pool.Waiting == 1 && small.Of("submit").Count() + large.Of("submit").Count() == 3,
            TimeSpan.FromSeconds(30),
            Token,
            () => "three jobs on the servers and one waiting in Reelgate");

        // The larger server had the most free places first (2, then 1 = a tie broken by order), the small one took one.
        (small.Of("submit").Count(), large.Of("submit").Count()).ShouldBe((1, 2));
        engine.Pool.Servers.Select(s => s.InFlight).ShouldBe([1, 2]);

        small.Hold = false;
        large.Hold = false;
        foreach (var render in renders)
        {
            (await render).ShouldBeRendered();
        }

        (small.MostAtOnce, large.MostAtOnce).ShouldBe((1, 2));
        (small.Of("submit").Count() + large.Of("submit").Count()).ShouldBe(4);
        engine.Pool.Servers.Select(s => s.InFlight).ShouldBe([0, 0]);
    }

    [Fact]
    public async Task Server_that_refuses_connections_is_taken_out_and_the_job_goes_to_the_next()
    {
        await using var live = await FakeProvider.StartedAsync(new VllmOmniVideoFake(media.Video), Token);
        var dead = GpuServers.DeadServer();
        await using var host = new EngineHost(GpuServers.Settings(OpenAiVideoDialect.VllmOmni, [dead, live.BaseUrl], [4, 1]));
        var engine = (OpenAiVideoEngine)host.Engine(OpenAiVideoEngine.EngineName);

        (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeRendered();

        live.Of("submit").Count().ShouldBe(1);
        engine.Pool.Servers[0].Ejected.ShouldBeTrue();
        engine.Pool.Servers[1].Ejected.ShouldBeFalse();
    }

    [Fact]
    public async Task Server_taken_out_is_probed_and_gets_work_again_once_healthy()
    {
        await using var fake = await FakeProvider.StartedAsync(new SglangVideoFake(media.Video) { HealthStatus = 503 }, Token);
        await using var host = new EngineHost(GpuServers.Settings(OpenAiVideoDialect.Sglang, [fake.BaseUrl]));
        var engine = (OpenAiVideoEngine)host.Engine(OpenAiVideoEngine.EngineName);
        engine.Pool.Eject(engine.Pool.Servers[0]);

        var render = engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token);
        await Poll.UntilAsync(
            () => fake.Of("health").Count() >= 2,
            TimeSpan.FromSeconds(30),
            Token,
            () => "health probes of the server taken out");
        fake.Of("submit").ShouldBeEmpty();
        fake.HealthStatus = 200;

        (await render).ShouldBeRendered();
        fake.Of("submit").Count().ShouldBe(1);
        engine.Pool.Servers[0].Ejected.ShouldBeFalse();
    }

    [Fact]
    public async Task Unreachable_pool_fails_the_attempt_as_retryable_without_submitting()
    {
        await using var host = new EngineHost(GpuServers.Settings(OpenAiVideoDialect.Sglang, [GpuServers.DeadServer()]));
        var engine = host.Engine(OpenAiVideoEngine.EngineName);

        var failed = (await engine.RenderAsync(host.Job(GpuServers.Parse(T2v)), Token)).ShouldBeFailed(
            "upstream_unavailable",
            retryable: true);

        failed.Error.Message.ShouldContain("no GPU server of engine openai-video could be reached");
    }

    [Theory]
    [InlineData("""{"prompt": "x", "steps": 3}""", "steps: Extra inputs are not permitted")]
    [InlineData("""{"prompt": "x", "num_frames": "many"}""", "num_frames: Input should be a valid integer")]
    [InlineData("""{"prompt": "x", "num_frames": 8.5}""", "num_frames: Input should be a valid integer")]
    [InlineData("""{"prompt": "x", "guidance_scale": true}""", "guidance_scale: Input should be a valid number")]
    [InlineData("""{"size": "832x480"}""", "prompt: Field required")]
    public async Task Sglang_fake_refuses_unknown_fields_and_wrong_types_with_400(string body, string detail)
    {
        await using var fake = await FakeProvider.StartedAsync(new SglangVideoFake(media.Video), Token);
        using var http = new HttpClient();

        using var answer = await http.PostAsync(
            new Uri(fake.BaseUrl, "v1/videos"),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            Token);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await answer.Content.ReadAsStringAsync(Token))!["detail"]!.GetValue<string>().ShouldStartWith(
            "Invalid request body: " + detail);
    }

    [Theory]
    [InlineData("num_inference_steps", "0", "Input should be greater than or equal to 1")]
    [InlineData("guidance_scale", "25", "Input should be less than or equal to 20")]
    [InlineData("seconds", "5s", "String should match pattern '^[1-9][0-9]*$'")]
    [InlineData("steps", "3", "Extra inputs are not permitted")]
    public async Task Vllm_omni_fake_refuses_unknown_fields_and_out_of_range_values_with_422(string field, string value, string message)
    {
        await using var fake = await FakeProvider.StartedAsync(new VllmOmniVideoFake(media.Video), Token);
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "prompt" }, { new StringContent(value), field } };

        using var answer = await http.PostAsync(new Uri(fake.BaseUrl, "v1/videos"), form, Token);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var detail = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Token))!["detail"]![0]!;
        (detail["loc"]![1]!.GetValue<string>(), detail["msg"]!.GetValue<string>()).ShouldBe((field, message));
    }
}
