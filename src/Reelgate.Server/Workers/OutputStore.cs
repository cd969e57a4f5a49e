using System.Globalization;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Operations;

namespace Reelgate.Server.Workers;

/// <summary>
/// Keeps what an engine rendered: the video (and its poster) probed, stored in the attempt's own blob folder,
/// and the job completed under the lease with those outputs. When the job is no longer ours (cancelled, or the
/// lease went to another worker meanwhile) this attempt's files are removed again.
/// </summary>
public sealed partial class OutputStore(
    IJobStore jobs, IBlobStore blobs, IMediaProbe probe, JobMetrics metrics, TimeProvider time, ILogger<OutputStore> logger)
{
    /// <summary>The blob folder of one attempt's outputs (so a late attempt never touches another's files).</summary>
    public static string OutputPrefix(string jobId, int attempt) => $"outputs/{jobId}/{attempt.ToString(CultureInfo.InvariantCulture)}/";

    /// <summary>Stores the outputs and completes the job; false (and nothing kept) when the job was no longer ours.</summary>
    public async Task<bool> CompleteAsync(
        Job job, string workerId, string engine, RenderOutcome.Rendered rendered, CancellationToken cancellationToken)
    {
        var prefix = OutputPrefix(job.Id, job.Attempts);
        var outputs = new List<JobOutput>();
        var started = time.GetTimestamp();
        var video = await probe.ProbeAsync(rendered.VideoPath, cancellationToken);
        outputs.Add(new JobOutput(JobOutput.VideoType, null, prefix + "video.mp4", "video/mp4", video.Width, video.Height,
            Math.Round(video.DurationSeconds, 3), Math.Round(video.Fps, 3), video.HasAudio, video.Bytes));
        if (rendered.PosterPath is not null)
        {
            var poster = await probe.ProbeAsync(rendered.PosterPath, cancellationToken);
            outputs.Add(new JobOutput(JobOutput.ImageType, JobOutput.PosterRole, prefix + "poster.jpg", "image/jpeg",
                poster.Width, poster.Height, null, null, null, poster.Bytes));
        }

        metrics.Step(JobStep.Probe, time.GetElapsedTime(started));
        started = time.GetTimestamp();
        await blobs.PutFileAsync(prefix + "video.mp4", rendered.VideoPath, "video/mp4", cancellationToken);
        if (rendered.PosterPath is not null)
        {
            await blobs.PutFileAsync(prefix + "poster.jpg", rendered.PosterPath, "image/jpeg", cancellationToken);
        }

        metrics.Step(JobStep.Store, time.GetElapsedTime(started));
        var result = new JobResult(outputs, rendered.Thinking, engine);
        if (await jobs.CompleteAsync(job.Id, workerId, result, time.GetUtcNow(), CancellationToken.None))
        {
            LogCompleted(logger, job.Id, engine, video.Bytes);
            return true;
        }

        // Cancelled, or the lease went to another worker meanwhile: this attempt's files are nobody's.
        await blobs.DeletePrefixAsync(prefix, CancellationToken.None);
        return false;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Job {JobId} completed by engine {Engine} ({Bytes} bytes)")]
    private static partial void LogCompleted(ILogger logger, string jobId, string engine, long bytes);
}
