using Reelgate.Core.Catalog;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Features.Generations;

/// <summary>A validated request, its model and its price by the rate card.</summary>
public sealed record PricedSpec(GenerationSpec Spec, ModelCard Model, Money Price)
{
    /// <summary>The job a remix is made from (POST /v1/videos/{video_id}/remix); stored with the new job.</summary>
    public string? RemixedFrom { get; init; }
}
