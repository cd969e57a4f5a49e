using System.Text.Json;

namespace Reelgate.Core.Catalog;

/// <summary>One row of a model's parameter table: its type, default and allowed values.</summary>
public sealed record ParameterSpec(
    string Name,
    string Type,
    string Description,
    bool Required = false,
    JsonElement? Default = null,
    IReadOnlyList<string>? Values = null,
    int? MaxLength = null,
    long? Minimum = null,
    long? Maximum = null)
{
    public string DefaultString =>
        Default is { ValueKind: JsonValueKind.String } element
            ? element.GetString()!
            : throw new InvalidOperationException($"parameter {Name} has no string default");

    public bool DefaultBoolean =>
        Default is { ValueKind: JsonValueKind.True or JsonValueKind.False } element
            ? element.GetBoolean()
            : throw new InvalidOperationException($"parameter {Name} has no boolean default");

    public bool Allows(string value) => Values is null || Values.Contains(value, StringComparer.Ordinal);
}
