using Reelgate.Core.Billing;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Jobs;

/// <summary>A generation job as the store keeps it.</summary>
public sealed record Job(
    string Id,
    string KeyId,
    JobStatus Status,
    int Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    GenerationSpec Request,
    Money Price,
    CostState CostState,
    JobResult? Result,
    IReadOnlyList<JobInput> Inputs,
    JobError? Error,
    int Attempts,
    long Version)
{
    /// <summary>The worker holding the job, while it is processing.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>An engine's note to itself that survives restarts (an upstream provider's job id).</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The engine that ran, or is running, the job.</summary>
    public string? Engine { get; init; }

    /// <summary>When the retention sweeper deleted the job's stored files; the record stays.</summary>
    public DateTimeOffset? OutputsDeletedAt { get; init; }

    /// <summary>Whether the request's <c>metadata.reelgate_simulate</c> runs (the operator enabled simulation, or a test key), decided at submission.</summary>
    public bool Simulate { get; init; }

    /// <summary>A queued job waiting out its back-off after a retryable failure is not started before this.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The job this one remixes (the OpenAI video protocol's remixed_from_video_id).</summary>
    public string? RemixedFrom { get; init; }
}
