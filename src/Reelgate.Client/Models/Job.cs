using System.Text.Json.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The job object: GET /v1/jobs/{job_id}, and the answer of a submit, cancel and every event.</summary>
public sealed record Job(
    string JobId,
    string Object,
    string Model,
    JobStatus Status,
    int Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    JobRequest Request,
    JobCost Cost,
    JobResult? Result,
    IReadOnlyList<JobInput> Inputs,
    JobError? Error,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>A queued job waiting out its back-off after a retryable failure starts again no earlier than this.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The rendered video of a completed job, else null.</summary>
    [JsonIgnore]
    public JobOutput? Video => Result?.Outputs.FirstOrDefault(o => string.Equals(o.Type, "video", StringComparison.Ordinal));

    /// <summary>The poster image of a completed job, else null.</summary>
    [JsonIgnore]
    public JobOutput? Poster => Result?.Outputs.FirstOrDefault(o => string.Equals(o.Role, "poster", StringComparison.Ordinal));
}
