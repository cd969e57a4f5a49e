using Reelgate.Core.Catalog;

namespace Reelgate.Server.Features.Models;

/// <summary>Shows catalog data as the API's model and rate-card objects.</summary>
public static class ModelCardMapper
{
    public static ModelResponse Map(ModelCard card) => new(
        card.Id,
        "model",
        card.Name,
        card.Provider,
        card.Category,
        card.License,
        card.Description,
        card.Input,
        card.Output,
        card.Tags,
        card.Endpoints,
        card.Parameters.Select(p => new ParameterResponse(
            p.Name, p.Type, p.Required, p.Default, p.Values, p.MaxLength, p.Minimum, p.Maximum, p.Description)).ToList(),
        card.Constraints.Select(c => new ConstraintResponse(c.If, c.Then)).ToList(),
        RateCard(card));

    public static RateCardResponse RateCard(ModelCard card)
    {
        var durations = card.PriceDurations;
        var rows = new List<PriceRowResponse>();
        foreach (var tier in card.Pricing.Tiers)
        {
            foreach (var duration in durations)
            {
                foreach (var audio in new[] { false, true })
                {
                    if (tier.Prices.TryGetValue(audio ? duration + "+audio" : duration, out var price))
                    {
                        rows.Add(new PriceRowResponse(tier.Name, tier.Resolutions, duration, audio, price.ToString()));
                    }
                }
            }
        }

        return new RateCardResponse(
            card.Id,
            card.Pricing.Currency,
            card.Pricing.Unit,
            card.Pricing.Tiers.Select(t => new PriceTierResponse(
                t.Name, t.Resolutions, t.Prices.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal))).ToList(),
            rows);
    }
}
