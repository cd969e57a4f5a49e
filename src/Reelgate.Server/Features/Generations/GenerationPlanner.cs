using System.Text.Json;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Features.Generations;

/// <summary>
/// Everything a submission and a quote share: parse by the parameter table, check the engine can honour
/// it, and price it by the rate card. A quote answers exactly what a submit would.
/// </summary>
public sealed class GenerationPlanner(ModelCatalog catalog, GenerationRequestParser parser, EngineRouter router)
{
    public Outcome<PricedSpec> Plan(JsonElement body)
    {
        // A seed need not be unguessable, and the cryptographic generator cost a system call or two per draw.
        var parsed = parser.Parse(body, Random.Shared.Next(int.MaxValue));
        if (!parsed.Succeeded)
        {
            return parsed.Failure;
        }

        var spec = parsed.Value;
        var model = catalog.Find(spec.Model)!;
        var unsupported = router.CheckSupport(model, spec);
        if (unsupported is not null)
        {
            return unsupported;
        }

        var price = model.PriceOf(spec);
        if (price is null)
        {
            var cell = model.Pricing.IsPerSecond ? RateCard.CellName(1, spec.Audio) : RateCard.CellName(spec.DurationSeconds, spec.Audio);
            var length = new[] { CardShape.Duration, CardShape.Seconds, CardShape.NumFrames }.FirstOrDefault(model.HasParameter)
                ?? CardShape.Duration;
            return Failure.Invalid(length, "price_unavailable", $"the rate card of {model.Id} has no price for {spec.Resolution} {cell}");
        }

        return new PricedSpec(spec, model, price.Value);
    }
}
