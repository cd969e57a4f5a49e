using System.Text.Json;

namespace Reelgate.Client.Models;

/// <summary>One row of a model's parameter table.</summary>
public sealed record ModelParameter(
    string Name,
    string Type,
    bool Required,
    JsonElement? Default,
    IReadOnlyList<string>? Values,
    int? MaxLength,
    long? Minimum,
    long? Maximum,
    string Description);
