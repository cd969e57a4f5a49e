namespace Reelgate.Core.Engines;

/// <summary>
/// Durable memory for an engine across restarts: an upstream engine saves the provider's job id here the
/// moment the provider accepts the job, and on a retry reads it back to resume instead of resubmitting.
/// </summary>
public interface IEngineCheckpoint
{
    /// <summary>What was saved by an earlier attempt of this job, or null.</summary>
    string? Saved { get; }

    /// <summary>Saves durably; false when the job is no longer this worker's (stop at once).</summary>
    Task<bool> SaveAsync(string value, CancellationToken cancellationToken);
}
