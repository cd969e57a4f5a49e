namespace Reelgate.Server.Operations;

/// <summary>
/// The steps of a job a worker times (<see cref="JobMetrics.Step"/>, the histogram "reelgate.job.step.duration" by "step"):
/// everything between a job's started_at and its completed_at except the runner's own bookkeeping.
/// </summary>
public static class JobStep
{
    /// <summary>The claim statement that set started_at and the lease.</summary>
    public const string Claim = "claim";

    /// <summary>The stored inputs copied into the attempt's work folder.</summary>
    public const string Stage = "stage";

    /// <summary>The engine's name and checkpoint written under the lease before it starts.</summary>
    public const string Checkpoint = "checkpoint";

    /// <summary>The engine's render, from its start to its outcome.</summary>
    public const string Render = "render";

    /// <summary>The outputs read back (size, duration, streams) before they are promised to the user.</summary>
    public const string Probe = "probe";

    /// <summary>The outputs moved or uploaded into the blob store.</summary>
    public const string Store = "store";

    /// <summary>The completion and its ledger entry written (completed_at is taken as it starts).</summary>
    public const string Complete = "complete";
}
