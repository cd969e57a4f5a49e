using System.Text.Json;

namespace Reelgate.Core.Validation;

/// <summary>Reads fields of a JSON object by the contract's rules: <c>null</c> is the same as absent.</summary>
public sealed class JsonFields(JsonElement body)
{
    public JsonElement? Get(string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public Outcome<string> RequiredString(string name)
    {
        var value = OptionalString(name);
        if (!value.Succeeded)
        {
            return value.Failure;
        }

        return value.Value is null ? Failure.Missing(name) : value.Value;
    }

    public Outcome<string?> OptionalString(string name)
    {
        var element = Get(name);
        if (element is null)
        {
            return (string?)null;
        }

        if (element.Value.ValueKind != JsonValueKind.String)
        {
            return Failure.WrongType(name, "a string");
        }

        try
        {
            return element.Value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate cannot become a .NET string that round-trips to UTF-8.
            return Failure.Invalid(name, "invalid_value", $"{name} is not valid Unicode text");
        }
    }
}
