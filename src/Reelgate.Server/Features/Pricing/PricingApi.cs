using Microsoft.AspNetCore.Http.HttpResults;
using Reelgate.Core.Catalog;
using Reelgate.Server.Errors;
using Reelgate.Server.Features.Generations;
using Reelgate.Server.Features.Models;
using Reelgate.Server.Http;

namespace Reelgate.Server.Features.Pricing;

/// <summary>GET /v1/pricing (the rate card) and POST /v1/pricing/quote (the price of a request body, without running it).</summary>
public static class PricingApi
{
    public static RouteGroupBuilder MapPricing(this RouteGroupBuilder v1)
    {
        v1.MapGet("/pricing", Get).AllowAnonymous()
            .WithName("GetPricing").WithSummary("The rate card of every model, per video, in USD");
        v1.MapPost("/pricing/quote", QuoteAsync).AllowAnonymous()
            .WithName("QuotePrice").WithSummary("The price of a generation request body; the same 422 a submit would give")
            .Accepts<GenerationRequest>("application/json");
        return v1;
    }

    private static Ok<PricingResponse> Get(ModelCatalog catalog) =>
        TypedResults.Ok(new PricingResponse("list", catalog.Models.Select(ModelCardMapper.RateCard).ToList()));

    [ProducesErrors(400, 413, 415, 422)]
    private static async Task<Results<Ok<QuoteResponse>, ErrorResult>> QuoteAsync(
        HttpRequest request, GenerationPlanner planner, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync(request, cancellationToken);
        if (!read.Succeeded)
        {
            return ErrorResult.From(read.Failure);
        }

        using var body = read.Value;
        var planned = planner.Plan(body.Root);
        if (!planned.Succeeded)
        {
            return ErrorResult.From(planned.Failure);
        }

        var spec = planned.Value.Spec;
        return TypedResults.Ok(new QuoteResponse(
            planned.Value.Price.ToString(), "USD", spec.Model, spec.Resolution, spec.Duration, spec.Audio));
    }
}
