namespace Reelgate.Client.Models;

/// <summary>
/// What a completed job made: its output files (signed URLs, no key needed) until <see cref="ExpiresAt"/>;
/// <see cref="OutputsExpired"/> turns true once the files are deleted.
/// </summary>
public sealed record JobResult(IReadOnlyList<JobOutput> Outputs, string? Thinking, DateTimeOffset ExpiresAt, bool OutputsExpired);
