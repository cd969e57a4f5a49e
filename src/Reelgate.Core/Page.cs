namespace Reelgate.Core;

/// <summary>One page of a newest-first listing; <see cref="NextCursor"/> is the id to pass as <c>after</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore, string? NextCursor);
