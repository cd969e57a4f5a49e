using Reelgate.Core.Jobs;
using Reelgate.Server.Features.Jobs;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>Shows a stored job as the protocol's video object (a job made on either API).</summary>
public sealed class VideoResponseMapper(JobResponseMapper jobs)
{
    public VideoResponse Map(Job job)
    {
        var spec = job.Request;
        long? expiresAt = job.OutputsDeletedAt is { } deleted
            ? deleted.ToUnixTimeSeconds()
            : job.Status == JobStatus.Completed && job.CompletedAt is { } completed ? jobs.ExpiresAt(completed).ToUnixTimeSeconds() : null;
        return new VideoResponse(
            job.Id,
            "video",
            spec.Model,
            StatusOf(job.Status),
            job.Status == JobStatus.Completed ? 100 : job.Progress,
            job.CreatedAt.ToUnixTimeSeconds(),
            job.Status.IsFinal() ? job.CompletedAt?.ToUnixTimeSeconds() : null,
            expiresAt,
            spec.Prompt,
            VideoParameterMap.SizeOf(spec),
            VideoParameterMap.SecondsOf(spec),
            job.RemixedFrom,
            ErrorOf(job));
    }

    /// <summary>The protocol knows four states: a cancelled job is a failed video whose error says so.</summary>
    public static string StatusOf(JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Processing => "in_progress",
        JobStatus.Completed => "completed",
        _ => "failed",
    };

    private static VideoErrorResponse? ErrorOf(Job job) => job.Status switch
    {
        JobStatus.Failed => new VideoErrorResponse(job.Error?.Code ?? "generation_failed", job.Error?.Message ?? "the generation failed"),
        JobStatus.Cancelled => new VideoErrorResponse("cancelled", "the job was cancelled before it completed"),
        _ => null,
    };
}
