namespace Reelgate.Client.Models;

/// <summary>A tier of resolutions and its price per duration/audio cell (keys such as <c>5s</c>, <c>5s+audio</c>).</summary>
public sealed record PriceTier(string Name, IReadOnlyList<string> Resolutions, IReadOnlyDictionary<string, decimal> Prices);
