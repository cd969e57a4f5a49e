namespace Reelgate.Core.Jobs;

/// <summary>A page request for a key's jobs, newest first unless <see cref="OldestFirst"/>.</summary>
public sealed record JobQuery(string KeyId, int Limit, string? After, JobStatus? Status)
{
    /// <summary>Oldest first; <c>after</c> then means the jobs made after it.</summary>
    public bool OldestFirst { get; init; }
}
