namespace Reelgate.Core.Jobs;

/// <summary>A page request for a key's jobs, newest first.</summary>
public sealed record JobQuery(string KeyId, int Limit, string? After, JobStatus? Status);
