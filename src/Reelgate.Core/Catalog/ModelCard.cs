using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Catalog;

/// <summary>What a model accepts, costs and which engines can serve it, as the catalog data says.</summary>
public sealed record ModelCard(
    string Id,
    string Name,
    string Provider,
    string Category,
    string License,
    string Description,
    IReadOnlyList<string> Input,
    IReadOnlyList<string> Output,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<string> Engines,
    IReadOnlyList<ParameterSpec> Parameters,
    IReadOnlyList<ParameterConstraint> Constraints,
    RateCard Pricing)
{
    public ParameterSpec Parameter(string name) =>
        Find(name) ?? throw new InvalidOperationException($"model {Id} has no parameter {name} in the catalog");

    public ParameterSpec? Find(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public bool HasParameter(string name) =>
        Parameters.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    /// <summary>The values a parameter may take once the other fields are known (constraints applied).</summary>
    public IReadOnlyList<string>? AllowedGiven(string name, IReadOnlyDictionary<string, string> chosen)
    {
        IReadOnlyList<string>? allowed = Parameter(name).Values;
        foreach (var constraint in Constraints)
        {
            var applies = constraint.If.All(pair =>
                chosen.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
            if (applies && constraint.Then.TryGetValue(name, out var only))
            {
                allowed = allowed is null ? only : allowed.Intersect(only, StringComparer.Ordinal).ToList();
            }
        }

        return allowed;
    }

    /// <summary>
    /// The duration part of the rate card's cells: each length the model offers ("5s", "8s") when priced per video,
    /// the one "1s" when priced per second. A cell is one of these, or it plus "+audio".
    /// </summary>
    public IReadOnlyList<string> PriceDurations =>
        Pricing.IsPerSecond
            ? [RateCard.PerSecondCell]
            : (Find(CardShape.Duration) ?? Find(CardShape.Seconds))?.Values?.Select(CardShape.SecondsCell).ToList() ?? [];

    public bool IsPriceCell(string cell) =>
        PriceDurations.Any(d =>
            string.Equals(cell, d, StringComparison.Ordinal) || string.Equals(cell, d + "+audio", StringComparison.Ordinal));

    /// <summary>The price of a validated request by this card's rate card; null when the card has no such cell.</summary>
    public Money? PriceOf(GenerationSpec spec)
    {
        if (!Pricing.IsPerSecond)
        {
            return Pricing.PriceOf(spec.Resolution, spec.DurationSeconds, spec.Audio);
        }

        var rate = Pricing.PriceOf(spec.Resolution, 1, spec.Audio);
        if (rate is null)
        {
            return null;
        }

        // Exact length in frames, rounded up to the micro-dollar: 81 frames at 16 fps is 5.0625 s.
        var micros = ((Int128)rate.Value.Micros * spec.FrameCount + spec.FramesPerSecond - 1) / spec.FramesPerSecond;
        return new Money((long)micros);
    }
}
