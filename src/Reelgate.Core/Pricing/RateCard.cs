namespace Reelgate.Core.Pricing;

/// <summary>
/// A model's prices, per video (a cell per length: "5s", "5s+audio") or per second of output (the cells "1s" and
/// "1s+audio" price one second). A cell the card leaves out cannot be bought.
/// </summary>
public sealed record RateCard(string Currency, string Unit, IReadOnlyList<PriceTier> Tiers)
{
    public const string PerVideo = "per video";
    public const string PerSecond = "per second";
    public const string PerSecondCell = "1s";

    public bool IsPerSecond => string.Equals(Unit, PerSecond, StringComparison.Ordinal);

    /// <summary>The cell name used by the card and by configuration overrides: "5s" or "5s+audio".</summary>
    public static string CellName(int durationSeconds, bool audio) =>
        audio ? $"{durationSeconds}s+audio" : $"{durationSeconds}s";

    public Money? PriceOf(string resolution, int durationSeconds, bool audio)
    {
        var tier = Tiers.FirstOrDefault(t => t.Resolutions.Contains(resolution, StringComparer.Ordinal));
        return tier is not null && tier.Prices.TryGetValue(CellName(durationSeconds, audio), out var price) ? price : null;
    }

    /// <summary>A copy with some cells repriced; "tier/cell" keys such as "720p/5s+audio" name them.</summary>
    public RateCard WithOverrides(IReadOnlyDictionary<string, Money> overrides)
    {
        var tiers = Tiers.Select(tier =>
        {
            var prices = new Dictionary<string, Money>(tier.Prices, StringComparer.Ordinal);
            foreach (var (key, price) in overrides)
            {
                var slash = key.LastIndexOf('/');
                var tierName = slash < 0 ? string.Empty : key[..slash];
                var cell = key[(slash + 1)..];
                if (string.Equals(tierName, tier.Name, StringComparison.Ordinal)
                    || tier.Resolutions.Contains(tierName, StringComparer.Ordinal))
                {
                    prices[cell] = price;
                }
            }

            return tier with { Prices = prices };
        }).ToList();
        return this with { Tiers = tiers };
    }
}
