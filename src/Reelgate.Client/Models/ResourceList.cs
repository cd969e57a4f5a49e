namespace Reelgate.Client.Models;

/// <summary>A whole list in one answer (models, rate cards, keys).</summary>
public sealed record ResourceList<T>(string Object, IReadOnlyList<T> Data);
