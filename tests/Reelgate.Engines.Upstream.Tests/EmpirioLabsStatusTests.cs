using System.Text.Json.Nodes;
using Reelgate.Core.Engines;
using Reelgate.Engines.Upstream.EmpirioLabs;
using Reelgate.Engines.Upstream.Jobs;

namespace Reelgate.Engines.Upstream.Tests;

/// <summary>The EmpirioLabs engine against a fake speaking EmpirioLabs' documented dialect (succeeded, canceled, fractional
/// progress).</summary>
public sealed class EmpirioLabsStatusTests(MediaFixture media)
{
    private const string Key = "el-test-key-0123456789";

    [Theory]
    [InlineData("succeeded")]
    [InlineData("completed")]
    public async Task Render_keeps_the_output_when_the_job_finishes_as(string doneStatus)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.DoneStatus = doneStatus;
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        (await host.Engine("empiriolabs").RenderAsync(job, ct)).ShouldBeRendered().ShouldHoldOutput(media.Video);

        var submit = fake.Of("submit").ShouldHaveSingleItem();
        submit.Header("Authorization").ShouldBe("Bearer " + Key);
        submit.Header("Idempotency-Key").ShouldBe(job.JobId);
        submit.Json["model"]!.GetValue<string>().ShouldBe("pixverse-v5-6");
        fake.Of("poll").ShouldAllBe(p => p.Path == "/v1/jobs/job_1");
    }

    [Theory]
    [InlineData("0.5", 47)]
    [InlineData("50", 47)]
    [InlineData("1.0", 90)]
    public async Task Render_reports_the_provider_progress_when_it_is_a_fraction_or_a_percent(string progress, int reported)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.Progress = JsonNode.Parse(progress);
        fake.PollsToFinish = 3;
        await using var host = Host(fake);
        var job = host.Job(Specs.TextToVideo());

        (await host.Engine("empiriolabs").RenderAsync(job, ct)).ShouldBeRendered();

        // 5 + 85% of the provider's percent, as the engine maps it onto Reelgate's own progress.
        ((RecordingProgress)job.Progress).Values.ShouldContain(reported);
        ((RecordingProgress)job.Progress).Values.ShouldBeInOrder();
    }

    [Theory]
    [InlineData("canceled")]
    [InlineData("cancelled")]
    public async Task Render_fails_at_once_when_the_job_is_cancelled_upstream_in_either_spelling(string status)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.EndStatus = status;
        await using var host = Host(fake);

        var failed = (await host.Engine("empiriolabs").RenderAsync(host.Job(Specs.TextToVideo()), ct)).ShouldBeFailed(
            UpstreamErrors.Error,
            retryable: false);

        failed.Error.Message.ShouldContain("cancelled upstream");
        fake.Of("poll").Count().ShouldBe(2);
    }

    [Fact]
    public async Task Render_fails_retryable_without_submitting_when_an_image_upload_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await StartAsync(ct);
        fake.FaultSlow("upload", TimeSpan.FromSeconds(20));
        await using var host = new EngineHost(EngineHost.Settings(EmpirioLabsOptions.SectionName, fake.BaseUrl, Key,
            ("RequestTimeout", "00:00:03"), ("ImageTransport", "Upload")));
        var job = host.Job(Specs.ImageToVideo(), [new RenderInput("image", media.Image169, "image/jpeg", 640, 360)]);

        var failed = (await host.Engine("empiriolabs").RenderAsync(job, ct)).ShouldBeFailed(UpstreamErrors.Unavailable, retryable: true);

        failed.Error.Message.ShouldContain("upload");
        fake.Of("upload").Count().ShouldBe(1);
        fake.Of("submit").ShouldBeEmpty();
    }

    private Task<EmpirioLabsFake> StartAsync(CancellationToken ct) => FakeProvider.StartedAsync(new EmpirioLabsFake(media.Video, Key), ct);

    private static EngineHost Host(EmpirioLabsFake fake) => new(EngineHost.Settings(EmpirioLabsOptions.SectionName, fake.BaseUrl, Key));
}
