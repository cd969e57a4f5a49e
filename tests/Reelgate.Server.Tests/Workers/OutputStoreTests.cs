using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Server.Workers;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Workers;

/// <summary>What an engine rendered, probed with ffprobe, stored in the blob store on disk and the job completed under its lease.</summary>
public sealed class OutputStoreTests
{
    [Fact]
    public async Task Complete_stores_the_probed_video_and_poster_and_completes_the_job_when_it_is_still_ours()
    {
        using var run = await ClaimedJobApp.StartAsync(Api.Body("x", ("resolution", "360p"), ("duration", 5)), credits: "10.00");
        using var work = new TempDirectory("outputs");
        var rendered = await RenderAsync(run.App, run.Job, work.Path);
        var probed = await FfprobeReader.ProbeAsync(rendered.VideoPath, Api.Token);
        var bytes = new FileInfo(rendered.VideoPath).Length;

        var outputStore = run.Service<OutputStore>();
        var completed = await outputStore.CompleteAsync(run.Job, RunnerSteps.WorkerId, "local", rendered, Api.Token);

        completed.ShouldBeTrue();
        var (_, seen) = await run.GetJobAsync();
        seen["status"]!.GetValue<string>().ShouldBe("completed");
        seen["cost"]!["state"]!.GetValue<string>().ShouldBe("charged");
        var blobs = run.Service<IBlobStore>();
        var prefix = OutputStore.OutputPrefix(run.Job.Id, run.Job.Attempts);
        await using (var video = (await blobs.OpenReadAsync(prefix + "video.mp4", Api.Token)).ShouldNotBeNull())
        {
            video.Length.ShouldBe(bytes);
        }

        var outputs = (await run.StoredJobAsync()).Result!.Outputs;
        outputs[0].ShouldSatisfyAllConditions(
            o => o.Type.ShouldBe(JobOutput.VideoType),
            o => (o.Width, o.Height).ShouldBe((probed.Video!.Width!.Value, probed.Video.Height!.Value)),
            o => o.BlobKey.ShouldBe(prefix + "video.mp4"),
            o => o.Bytes.ShouldBe(bytes));
        outputs[1].ShouldSatisfyAllConditions(
            o => o.Role.ShouldBe(JobOutput.PosterRole),
            o => o.BlobKey.ShouldBe(prefix + "poster.jpg"));
        await using var poster = (await blobs.OpenReadAsync(prefix + "poster.jpg", Api.Token)).ShouldNotBeNull();
        poster.ContentType.ShouldBe("image/jpeg");
    }

    [Fact]
    public async Task Complete_keeps_nothing_and_charges_nothing_when_the_job_was_cancelled_meanwhile()
    {
        using var run = await ClaimedJobApp.StartAsync(Api.Body("x", ("resolution", "360p"), ("duration", 5)), credits: "10.00");
        using var work = new TempDirectory("outputs");
        var rendered = await RenderAsync(run.App, run.Job, work.Path);
        await run.CancelAsync();

        var outputStore = run.Service<OutputStore>();
        var completed = await outputStore.CompleteAsync(run.Job, RunnerSteps.WorkerId, "local", rendered, Api.Token);

        completed.ShouldBeFalse();
        var blobs = run.Service<IBlobStore>();
        (await blobs.OpenReadAsync(OutputStore.OutputPrefix(run.Job.Id, run.Job.Attempts) + "video.mp4", Api.Token)).ShouldBeNull();
        var (_, seen) = await run.GetJobAsync();
        (seen["status"]!.GetValue<string>(), seen["cost"]!["state"]!.GetValue<string>()).ShouldBe(("cancelled", "released"));
    }

    /// <summary>A real render of the job by the app's test engine (ffmpeg's test pattern).</summary>
    private static async Task<RenderOutcome.Rendered> RenderAsync(ApiOnlyApp app, Job job, string directory)
    {
        var engine = app.Services.GetServices<IVideoEngine>().Single();
        var jobs = app.Services.GetRequiredService<IJobStore>();
        var checkpoint = new LeaseCheckpoint(jobs, job.Id, RunnerSteps.WorkerId, engine.Name, null, app.Clock);
        var render = new RenderJob(job.Id, job.Request, [], directory, new ProgressReporter(), checkpoint);
        var outcome = await engine.RenderAsync(render, Api.Token);
        return outcome.ShouldBeOfType<RenderOutcome.Rendered>();
    }
}
