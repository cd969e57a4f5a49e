namespace Reelgate.Client.Models;

/// <summary>One page of a cursor-paged list, newest first; pass <see cref="NextCursor"/> as <c>after</c> for the next.</summary>
public sealed record Page<T>(string Object, IReadOnlyList<T> Data, bool HasMore, string? NextCursor);
