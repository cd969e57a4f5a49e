using Reelgate.Core.Billing;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Jobs;

/// <summary>
/// A generation job as the store keeps it. Made by <see cref="Queued"/> (a new submission) or <see cref="Restored"/>
/// (a row read back from a store); everything that changes as it runs is set with <c>with</c>.
/// </summary>
public sealed record Job
{
    private Job(string id, string keyId, DateTimeOffset createdAt, GenerationSpec request, Money price)
    {
        Id = id;
        KeyId = keyId;
        CreatedAt = createdAt;
        Request = request;
        Price = price;
    }

    public string Id { get; init; }

    public string KeyId { get; init; }

    public JobStatus Status { get; init; } = JobStatus.Queued;

    public int Progress { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public GenerationSpec Request { get; init; }

    public Money Price { get; init; }

    public CostState CostState { get; init; } = CostState.Held;

    public JobResult? Result { get; init; }

    /// <summary>The request's images, staged at submission.</summary>
    public IReadOnlyList<JobInput> Inputs { get; init; } = [];

    public JobError? Error { get; init; }

    public int Attempts { get; init; }

    /// <summary>Bumped by the store on every write; a new job is version 1.</summary>
    public long Version { get; init; } = 1;

    /// <summary>The worker holding the job, while it is processing.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>An engine's note to itself that survives restarts (an upstream provider's job id).</summary>
    public string? Checkpoint { get; init; }

    /// <summary>The engine that ran, or is running, the job.</summary>
    public string? Engine { get; init; }

    /// <summary>When the retention sweeper deleted the job's stored files; the record stays.</summary>
    public DateTimeOffset? OutputsDeletedAt { get; init; }

    /// <summary>
    /// Whether the request's <c>metadata.reelgate_simulate</c> runs (the operator enabled simulation, or a test key),
    /// decided at submission.
    /// </summary>
    public bool Simulate { get; init; }

    /// <summary>A queued job waiting out its back-off after a retryable failure is not started before this.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The job this one remixes (the OpenAI video protocol's remixed_from_video_id).</summary>
    public string? RemixedFrom { get; init; }

    /// <summary>A job as submitted: queued, no progress or attempts, its price held, version 1, no inputs yet.</summary>
    public static Job Queued(string id, string keyId, DateTimeOffset createdAt, GenerationSpec request, Money price) =>
        new(id, keyId, createdAt, request, price);

    /// <summary>
    /// A job read back from a store: its identity, request and price; the store sets the rest of what it kept
    /// (status, progress, times, cost state, result, inputs, error, attempts, version, lease...) with <c>with</c>.
    /// </summary>
    public static Job Restored(string id, string keyId, DateTimeOffset createdAt, GenerationSpec request, Money price) =>
        new(id, keyId, createdAt, request, price);
}
