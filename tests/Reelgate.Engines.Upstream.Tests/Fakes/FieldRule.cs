using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// One field of a server's request model and how pydantic reads it: a JSON value in lax mode (an int takes 5, 5.0
/// or "5", not 5.5 or true; a float takes a number or numeric text; a str takes only a string), a form field from its
/// text; with the model's bounds and pattern.
/// </summary>
public sealed record FieldRule(string Name, string Type, double? Min = null, double? Max = null, string? Pattern = null)
{
    /// <summary>The problem with a JSON value, or null.</summary>
    public string? Check(JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        var element = JsonSerializer.SerializeToElement(value);
        return Type switch
        {
            "str" => element.ValueKind == JsonValueKind.String ? CheckText(element.GetString()!) : "Input should be a valid string",
            "int" => element.ValueKind switch
            {
                JsonValueKind.Number when element.TryGetDouble(out var d) && d == Math.Floor(d) => CheckNumber(d),
                JsonValueKind.String => CheckForm(element.GetString()!),
                _ => "Input should be a valid integer",
            },
            "float" => element.ValueKind switch
            {
                JsonValueKind.Number => CheckNumber(element.GetDouble()),
                JsonValueKind.String => CheckForm(element.GetString()!),
                _ => "Input should be a valid number",
            },
            "bool" => element.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "Input should be a valid boolean",
            _ => "unknown rule",
        };
    }

    /// <summary>The problem with a form field's text, or null.</summary>
    public string? CheckForm(string text)
    {
        switch (Type)
        {
            case "int":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? CheckNumber(whole)
                    : "Input should be a valid integer, unable to parse string as an integer";
            case "float":
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? CheckNumber(number)
                    : "Input should be a valid number, unable to parse string as a number";
            case "bool":
                return text is "true" or "false" or "True" or "False" or "1" or "0" ? null : "Input should be a valid boolean";
            default:
                return CheckText(text);
        }
    }

    private string? CheckText(string text) =>
        Pattern is not null
            && !System.Text.RegularExpressions.Regex.IsMatch(text, Pattern) ? $"String should match pattern '{Pattern}'" : null;

    private string? CheckNumber(double value) =>
        value < Min ? $"Input should be greater than or equal to {Min}"
        : value > Max ? $"Input should be less than or equal to {Max}"
        : null;
}
