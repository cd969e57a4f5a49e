using System.Text.Json;

namespace Reelgate.Server.Features.Models;

/// <summary>A model's catalog card: the seed's specs, parameter table and rate card.</summary>
public sealed record ModelResponse(
    string Id,
    string Object,
    string Name,
    string Provider,
    string Category,
    string License,
    string Description,
    IReadOnlyList<string> Input,
    IReadOnlyList<string> Output,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Endpoints,
    IReadOnlyList<ParameterResponse> Parameters,
    IReadOnlyList<ConstraintResponse> Constraints,
    RateCardResponse Pricing);

/// <summary>One row of the parameter table.</summary>
public sealed record ParameterResponse(
    string Name,
    string Type,
    bool Required,
    JsonElement? Default,
    IReadOnlyList<string>? Values,
    int? MaxLength,
    long? Minimum,
    long? Maximum,
    string Description);

/// <summary>When the fields in <c>if</c> have those values, each field in <c>then</c> may take only the listed values.</summary>
public sealed record ConstraintResponse(IReadOnlyDictionary<string, string> If, IReadOnlyDictionary<string, IReadOnlyList<string>> Then);

/// <summary>A model's prices per video: tiers of resolutions, each with a price per duration/audio cell.</summary>
public sealed record RateCardResponse(
    string Model, string Currency, string Unit, IReadOnlyList<PriceTierResponse> Tiers, IReadOnlyList<PriceRowResponse> Rows);

public sealed record PriceTierResponse(string Name, IReadOnlyList<string> Resolutions, IReadOnlyDictionary<string, string> Prices);

/// <summary>One cell of the rate card, flat: what a video of this resolution, duration and audio costs.</summary>
public sealed record PriceRowResponse(string Tier, IReadOnlyList<string> Resolutions, string Duration, bool Audio, string Amount);

public sealed record ModelListResponse(string Object, IReadOnlyList<ModelResponse> Data);
