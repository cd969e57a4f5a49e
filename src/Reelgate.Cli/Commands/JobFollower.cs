using System.Globalization;
using Reelgate.Cli.Output;
using Reelgate.Client.Downloads;
using Reelgate.Client.Models;
using Reelgate.Client.Waiting;

namespace Reelgate.Cli.Commands;

/// <summary>Waits for a job with the live display, then downloads its video; shared by generate and jobs wait/download.</summary>
public static class JobFollower
{
    public static async Task<Job> WaitAsync(CliContext context, string jobId, WaitOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var show = !context.Json && context.Terminal.CanShowProgress;
        return await JobProgressDisplay.FollowAsync(context.Terminal, show, jobId,
            progress => context.Client.WaitAsync(jobId, options, progress, cancellationToken));
    }

    public static async Task<DownloadResult> DownloadAsync(CliContext context, Job job, string? path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(job);
        var target = string.IsNullOrWhiteSpace(path) ? job.JobId + ".mp4" : path;
        if (Directory.Exists(target))
        {
            target = Path.Combine(target, job.JobId + ".mp4");
        }

        var show = !context.Json && context.Terminal.CanShowProgress;
        return await DownloadProgressDisplay.FollowAsync(context.Terminal, show, Path.GetFileName(target),
            progress => context.Client.DownloadAsync(job, target, progress, cancellationToken));
    }

    /// <summary>"Saved clip.mp4 (1.2 MB, 640x360, 5.0 s, 24 fps, audio)".</summary>
    public static string Saved(Job job, DownloadResult file)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(file);
        var video = job.Video;
        var details = video is null
            ? ByteSize.Format(file.Bytes)
            : string.Create(CultureInfo.InvariantCulture,
                $"{ByteSize.Format(file.Bytes)}, {video.Width}x{video.Height}, {video.DurationSeconds:0.0} s, {video.Fps:0.##} fps, " +
                $"{(video.HasAudio == true ? "audio" : "no audio")}");
        return $"Saved {file.Path} ({details})";
    }

    /// <summary>One line for a job that ended without a video.</summary>
    public static string Unsuccessful(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Error is { } error
            ? $"job {job.JobId} {job.Status}: {error.Message} ({error.Code})"
            : $"job {job.JobId} {job.Status}";
    }
}
