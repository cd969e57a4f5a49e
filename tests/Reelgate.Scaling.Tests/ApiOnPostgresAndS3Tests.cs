using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Reelgate.Scaling.Tests.Infrastructure;
using Reelgate.Testing;
using static Reelgate.Scaling.Tests.Infrastructure.ClusterApi;

namespace Reelgate.Scaling.Tests;

/// <summary>
/// The API's behaviour on the scale-out stores: submitted on one node, rendered on a worker-only node,
/// read, streamed, cancelled and billed through another, outputs downloaded straight from S3.
/// </summary>
public sealed class ApiOnPostgresAndS3Tests(ApiAndWorkerCluster cluster) : IClassFixture<ApiAndWorkerCluster>
{
    private static readonly TimeSpan JobDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Job_completes_and_downloads_from_a_presigned_url_when_submitted_on_one_node_and_read_on_another()
    {
        using var admin = cluster.ApiA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "5.00");
        using var a = cluster.ApiA.Client(secret);
        using var b = cluster.ApiB.Client(secret);

        var (status, submitted) = await SubmitAsync(a, FastBody("a green fox in a meadow"));
        status.ShouldBe(HttpStatusCode.Accepted, submitted.ToJsonString());
        var job = await WaitForFinalAsync(b, submitted["job_id"]!.GetValue<string>(), JobDeadline);

        job["status"]!.GetValue<string>().ShouldBe("completed", job.ToJsonString());
        job["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
        var video = OutputUrl(job, "video");
        video.Authority.ShouldBe(new Uri(TestServices.S3Url!).Authority);
        video.Query.ShouldContain("X-Amz-Signature=");
        using var anonymous = new HttpClient();
        using var work = new TempDirectory("download");
        var file = work.File("video.mp4");
        await File.WriteAllBytesAsync(file, await anonymous.GetByteArrayAsync(video, Token), Token);
        var probed = await FfprobeReader.ProbeAsync(file, Token);
        (probed.Video!.CodecName, probed.Video.Width, probed.Video.Height, probed.Video.FrameCount, probed.Audio).ShouldBe((
            "h264",
            360,
            360,
            120L,
            (ProbedStream?)null));
        var videoOutput = job["result"]!["outputs"]!.AsArray().First(o => o!["type"]!.GetValue<string>() == "video")!;
        new FileInfo(file).Length.ShouldBe(videoOutput["bytes"]!.GetValue<long>());
        using var range = new HttpRequestMessage(HttpMethod.Get, video);
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await anonymous.SendAsync(range, Token);
        partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await partial.Content.ReadAsByteArrayAsync(Token)).Length.ShouldBe(100);
        using var poster = await anonymous.GetAsync(OutputUrl(job, "image"), Token);
        (poster.StatusCode, poster.Content.Headers.ContentType!.MediaType).ShouldBe((HttpStatusCode.OK, "image/jpeg"));
        (await BalanceAsync(a)).ShouldBe((4.60m, 0m));
    }

    [Fact]
    public async Task Submits_never_overdraw_the_key_when_they_race_on_two_api_nodes()
    {
        using var admin = cluster.ApiA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "2.00");
        using var a = cluster.ApiA.Client(secret);
        using var b = cluster.ApiB.Client(secret);

        // The jobs wait a minute before rendering, so no hold comes back while the submits race.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            SubmitAsync(i % 2 == 0 ? a : b, FastBody($"race {i}", simulate: "delay:60"))));

        answers.Count(r => r.Status == HttpStatusCode.Accepted).ShouldBe(5);
        answers.Where(r => r.Status != HttpStatusCode.Accepted).ShouldAllBe(r =>
            r.Status == HttpStatusCode.PaymentRequired && r.Json["error"]!["type"]!.GetValue<string>() == "insufficient_credits");
        (await BalanceAsync(a)).ShouldBe((0m, 2.00m));
        var holds = (await LedgerAsync(b)).Where(r => r.Kind == "hold").ToList();
        holds.Count.ShouldBe(5);
        holds.ShouldAllBe(r => r.Amount == -0.40m);
        foreach (var accepted in answers.Where(r => r.Status == HttpStatusCode.Accepted))
        {
            using var cancel = await a.PostAsync($"/v1/jobs/{accepted.Json["job_id"]!.GetValue<string>()}/cancel", null, Token);
            cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await BalanceAsync(b)).ShouldBe((2.00m, 0m));
    }

    [Fact]
    public async Task Idempotency_key_makes_one_job_when_the_same_request_reaches_both_api_nodes_at_once()
    {
        using var admin = cluster.ApiA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "5.00");
        using var a = cluster.ApiA.Client(secret);
        using var b = cluster.ApiB.Client(secret);
        var body = FastBody("one and only", simulate: "fail:stop_here");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SubmitAsync(i % 2 == 0 ? a : b, body, "order-42")));

        answers.Count(r => r.Status == HttpStatusCode.Accepted).ShouldBe(1);
        answers.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(9);
        answers.Select(r => r.Json["job_id"]!.GetValue<string>()).Distinct().ShouldHaveSingleItem();
        (await LedgerAsync(a)).Count(r => r.Kind == "hold").ShouldBe(1);
    }

    [Fact]
    public async Task Events_follow_the_job_to_completion_when_the_stream_is_on_an_api_node_and_the_render_on_the_worker()
    {
        using var admin = cluster.ApiA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "5.00");
        using var a = cluster.ApiA.Client(secret);
        using var b = cluster.ApiB.Client(secret);
        var (_, submitted) = await SubmitAsync(a, FastBody("a slow red balloon", simulate: "delay:2"));
        var jobId = submitted["job_id"]!.GetValue<string>();

        using var response = await b.GetAsync($"/v1/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead, Token);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));
        var events = new List<(string Event, JsonObject Data)>();
        string? name = null;
        while (await reader.ReadLineAsync(Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name!, JsonNode.Parse(line["data: ".Length..])!.AsObject()));
            }
        }

        events.ShouldContain(e => e.Event == "job.processing");
        events[^1].Event.ShouldBe("job.completed");
        events.Select(e => e.Data["progress"]!.GetValue<int>()).ShouldBeInOrder();
    }

    [Fact]
    public async Task Cancel_on_an_api_node_stops_the_job_and_releases_the_hold_when_the_worker_node_is_rendering_it()
    {
        using var admin = cluster.ApiA.Client();
        var (_, secret) = await CreateKeyAsync(admin, "1.00");
        using var a = cluster.ApiA.Client(secret);
        using var b = cluster.ApiB.Client(secret);
        var (_, submitted) = await SubmitAsync(a, FastBody("never ends", simulate: "stall"));
        var jobId = submitted["job_id"]!.GetValue<string>();
        await WaitForStatusAsync(b, jobId, "processing", JobDeadline);

        using var cancel = await b.PostAsync($"/v1/jobs/{jobId}/cancel", null, Token);

        cancel.StatusCode.ShouldBe(HttpStatusCode.OK);
        var job = await GetJobAsync(a, jobId);
        (job["status"]!.GetValue<string>(), job["cost"]!["state"]!.GetValue<string>()).ShouldBe(("cancelled", "released"));
        (await BalanceAsync(a)).ShouldBe((1.00m, 0m));
        var (_, next) = await SubmitAsync(a, FastBody("after the cancel"));
        (await WaitForFinalAsync(b, next["job_id"]!.GetValue<string>(), JobDeadline))["status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public async Task Worker_node_answers_health_but_not_the_api_when_its_role_is_worker()
    {
        using var worker = cluster.Worker.Client();

        using var health = await worker.GetAsync("/healthz", Token);
        using var models = await worker.GetAsync("/v1/models", Token);
        using var jobs = await worker.GetAsync("/v1/jobs", Token);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        models.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        jobs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        models.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }
}
