using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>How the parser reads this parameter.</summary>
    [JsonIgnore]
    public ParameterKind Kind => Type switch
    {
        "enum" => ParameterKind.Choice,
        "boolean" => ParameterKind.Flag,
        "image" => ParameterKind.Image,
        "string" when Name is "image" or "image_end" => ParameterKind.Image,
        "string" => ParameterKind.Text,
        "seed" => ParameterKind.Seed,
        "integer" when Name == "seed" => ParameterKind.Seed,
        "integer" => ParameterKind.Integer,
        "number" => ParameterKind.Number,
        _ => ParameterKind.Unknown,
    };

    /// <summary>A choice whose values are all whole seconds ("5s", "8s"): the integer 5 is taken for "5s".</summary>
    [JsonIgnore]
    public bool IsSecondsChoice =>
        Kind == ParameterKind.Choice && Values is { Count: > 0 } values
        && values.All(v => v.Length > 1 && v[^1] == 's' && v[..^1].All(char.IsAsciiDigit));

    /// <summary>"an integer from 0 to 10" (or "a number ..."), for messages.</summary>
    [JsonIgnore]
    public string RangeText =>
        (Kind == ParameterKind.Number ? "a number" : "an integer")
        + string.Create(CultureInfo.InvariantCulture, $" from {Minimum} to {Maximum}");

    public bool Allows(string value) => Values is null || Values.Contains(value, StringComparer.Ordinal);
}
