namespace Reelgate.Core.Jobs;

/// <summary>What a completed job produced, and the plan its engine followed when thinking ran.</summary>
public sealed record JobResult(IReadOnlyList<JobOutput> Outputs, string? Thinking, string Engine);
