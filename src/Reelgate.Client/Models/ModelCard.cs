namespace Reelgate.Client.Models;

/// <summary>A model's catalog card: specs, parameter table with defaults and ranges, rate card.</summary>
public sealed record ModelCard(
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
    IReadOnlyList<ModelParameter> Parameters,
    IReadOnlyList<ModelConstraint> Constraints,
    RateCard Pricing);
