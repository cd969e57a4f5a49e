namespace Reelgate.Client.Models;

/// <summary>A model's prices per video: tiers of resolutions, and the same prices as flat rows.</summary>
public sealed record RateCard(string Model, string Currency, string Unit, IReadOnlyList<PriceTier> Tiers, IReadOnlyList<PriceRow> Rows);
