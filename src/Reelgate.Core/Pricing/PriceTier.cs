namespace Reelgate.Core.Pricing;

/// <summary>A row of the rate card: the resolutions it covers and a price per duration/audio cell.</summary>
public sealed record PriceTier(string Name, IReadOnlyList<string> Resolutions, IReadOnlyDictionary<string, Money> Prices);
