using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Features.Models;

/// <summary>GET /v1/models and /v1/models/{id}: the catalog, readable without a key.</summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModels(this RouteGroupBuilder v1)
    {
        v1.MapGet("/models", List).AllowAnonymous()
            .WithName("ListModels").WithSummary("The models this server offers");
        v1.MapGet("/models/{model_id}", Get).AllowAnonymous()
            .WithName("GetModel").WithSummary("A model's card: specs, parameters with defaults and ranges, pricing");
        return v1;
    }

    private static Ok<ModelListResponse> List(ModelCatalog catalog) =>
        TypedResults.Ok(new ModelListResponse("list", catalog.Models.Select(ModelCardMapper.Map).ToList()));

    [ProducesErrors(404)]
    private static Results<Ok<ModelResponse>, ErrorResult> Get([FromRoute(Name = "model_id")] string modelId, ModelCatalog catalog)
    {
        var card = catalog.Find(modelId);
        return card is null
            ? ErrorResult.From(new Failure(FailureKind.NotFound, "model_not_found",
                $"model '{Failure.Printable(modelId)}' does not exist; available: {string.Join(", ", catalog.Models.Select(m => m.Id))}",
                "model_id"))
            : TypedResults.Ok(ModelCardMapper.Map(card));
    }
}
