using System.Text.Json;
using Reelgate.Core.Catalog;
using Reelgate.Core.Pricing;

namespace Reelgate.Server.Configuration;

/// <summary>
/// Builds the deployment's catalog: the embedded seed card, an operator's catalog file
/// (Reelgate:Catalog:Path) and price overrides (Reelgate:Pricing:{model}:{tier}:{cell} = "1.80").
/// Every mistake is reported with the configuration key that holds it.
/// </summary>
public static class CatalogConfiguration
{
    public static (ModelCatalog? Catalog, IReadOnlyList<string> Errors) Build(IConfiguration configuration)
    {
        var errors = new List<string>();
        var catalog = ModelCatalog.LoadDefault();
        var path = configuration["Reelgate:Catalog:Path"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                using var file = File.OpenRead(path);
                catalog = catalog.Merge(ModelCatalog.Load(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                errors.Add($"Reelgate:Catalog:Path: cannot read the catalog file '{path}': {e.Message}");
            }
        }

        foreach (var card in catalog.Models)
        {
            errors.AddRange(CardValidator.Problems(card).Select(problem => $"Reelgate:Catalog:Path: {problem}"));
        }

        var overrides = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var model in configuration.GetSection("Reelgate:Pricing").GetChildren())
        {
            var card = catalog.Find(model.Key);
            if (card is null)
            {
                errors.Add($"Reelgate:Pricing:{model.Key}: there is no model '{model.Key}' in the catalog");
                continue;
            }

            foreach (var tier in model.GetChildren())
            {
                var tierCard = card.Pricing.Tiers.FirstOrDefault(t =>
                    string.Equals(t.Name, tier.Key, StringComparison.Ordinal) || t.Resolutions.Contains(tier.Key, StringComparer.Ordinal));
                if (tierCard is null)
                {
                    errors.Add($"Reelgate:Pricing:{model.Key}:{tier.Key}: no price tier or resolution '{tier.Key}'; " +
                        $"tiers are {string.Join(", ", card.Pricing.Tiers.Select(t => t.Name))}");
                    continue;
                }

                foreach (var cell in tier.GetChildren())
                {
                    var key = $"Reelgate:Pricing:{model.Key}:{tier.Key}:{cell.Key}";
                    if (!card.IsPriceCell(cell.Key))
                    {
                        var example = card.PriceDurations.Count > 0 ? card.PriceDurations[0] : "5s";
                        errors.Add($"{key}: '{cell.Key}' is not a cell; " +
                            $"use e.g. {example} or {example}+audio for a duration the model offers");
                    }
                    else if (!Money.TryParse(cell.Value, out var price) || price.IsNegative)
                    {
                        errors.Add($"{key}: '{cell.Value}' is not a price like \"1.50\"");
                    }
                    else
                    {
                        overrides[$"{model.Key}/{tierCard.Name}/{cell.Key}"] = price;
                    }
                }
            }
        }

        return errors.Count > 0 ? (null, errors) : (catalog.WithPriceOverrides(overrides), errors);
    }
}
