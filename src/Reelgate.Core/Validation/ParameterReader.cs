using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Reelgate.Core.Catalog;

namespace Reelgate.Core.Validation;

/// <summary>
/// Reads one request's parameters by a card's table, one row at a time by its kind: the value (or default) goes
/// into <see cref="Values"/>, and choices, flags and integers also into <see cref="Chosen"/> as text for the card's
/// constraints. A new one per request.
/// </summary>
internal sealed class ParameterReader(ModelCard model, JsonFields fields)
{
    /// <summary>
    /// The elements of the cards' choices and of the two flags, made once: serializing a value to an element builds a
    /// document each time, and a submission has half a dozen of them. Bounded: only values a card allows get in.
    /// </summary>
    private static readonly ConcurrentDictionary<string, JsonElement> ChoiceElements = new(StringComparer.Ordinal);

    private static readonly JsonElement True = JsonSerializer.SerializeToElement(true);
    private static readonly JsonElement False = JsonSerializer.SerializeToElement(false);

    public Dictionary<string, string> Chosen { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonElement> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Reads the parameter; null when it is fine (absent ones without default leave no value), else the failure.</summary>
    public Failure? Read(ParameterSpec spec, int randomSeed) => spec.Kind switch
    {
        ParameterKind.Choice => Choice(spec),
        ParameterKind.Flag => Flag(spec),
        ParameterKind.Text => Text(spec),
        ParameterKind.Image => ImageInput(spec),
        ParameterKind.Integer => Integer(spec),
        ParameterKind.Number => Number(spec),
        ParameterKind.Seed => Seed(spec, randomSeed),
        _ => throw new InvalidOperationException(
            $"model {model.Id}: parameter {spec.Name} has type {spec.Type}, which the catalog check refuses"),
    };

    public string? Text(string name) =>
        Values.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private void Set<T>(string name, T value, bool chosen = true)
    {
        Values[name] = JsonSerializer.SerializeToElement(value);
        if (chosen)
        {
            Chosen[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        }
    }

    private Failure? Choice(ParameterSpec spec)
    {
        var name = spec.Name;
        var element = fields.Get(name);
        string value;
        if (element is null)
        {
            if (spec.Default is null)
            {
                return spec.Required ? Failure.Missing(name) : null;
            }

            value = spec.DefaultString;
        }
        else if (element.Value.ValueKind == JsonValueKind.String)
        {
            value = element.Value.GetString()!;
            if (!spec.Allows(value))
            {
                return Failure.Invalid(name, "invalid_value",
                    $"{name} '{Failure.Printable(value)}' is not allowed; use one of {string.Join(", ", spec.Values!)}{IntegerHint(spec)}");
            }
        }
        else if (element.Value.ValueKind == JsonValueKind.Number && spec.IsSecondsChoice)
        {
            if (!element.Value.TryGetInt32(out var seconds) || !spec.Allows($"{seconds}s"))
            {
                return Failure.Invalid(name, "invalid_value",
                    $"{name} {Failure.Printable(element.Value.GetRawText())} is not allowed; "
                    + $"use one of {string.Join(", ", spec.Values!)}{IntegerHint(spec)}");
            }

            value = $"{seconds}s";
        }
        else
        {
            return Failure.WrongType(name, $"a string, one of {string.Join(", ", spec.Values!)}{IntegerHint(spec)}");
        }

        Values[name] = spec.Values is null
            ? JsonSerializer.SerializeToElement(value)
            : ChoiceElements.GetOrAdd(value, static allowed => JsonSerializer.SerializeToElement(allowed));
        Chosen[name] = value;
        return null;
    }

    private static string IntegerHint(ParameterSpec spec) =>
        spec.IsSecondsChoice ? " (or the integer " + JoinOr(spec.Values!.Select(v => v.TrimEnd('s')).ToList()) + ")" : string.Empty;

    private Failure? Flag(ParameterSpec spec)
    {
        var element = fields.Get(spec.Name);
        if (element is not null && element.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Failure.WrongType(spec.Name, "true or false");
        }

        var value = element?.GetBoolean() ?? spec.DefaultBoolean;
        Values[spec.Name] = value ? True : False;
        Chosen[spec.Name] = value ? "true" : "false";
        return null;
    }

    private Failure? Text(ParameterSpec spec) => WithString(spec, value =>
    {
        var name = spec.Name;
        var length = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            length++;
        }

        if (spec.MaxLength is { } max && length > max)
        {
            return Failure.Invalid(name, "string_too_long", $"{name} is {length} characters; at most {max} are allowed");
        }

        if (HasControlCharacters(value))
        {
            return Failure.Invalid(name, "invalid_value", $"{name} contains control characters; only tabs and line breaks are allowed");
        }

        if (spec.Required && string.IsNullOrWhiteSpace(value))
        {
            return Failure.Invalid(name, "invalid_value", $"{name} must not be blank");
        }

        Set(name, value, chosen: false);
        return null;
    });

    private Failure? ImageInput(ParameterSpec spec) => WithString(spec, value =>
    {
        if (ImageReference.Classify(value) is null)
        {
            return Failure.Invalid(spec.Name, "invalid_value",
                $"{spec.Name} must be an http(s) URL, a data:image/...;base64, URI or an upload id (upl_...)");
        }

        Set(spec.Name, value, chosen: false);
        return null;
    });

    /// <summary>
    /// The frame a text and an image share: a present value must be a string, checked and kept by
    /// <paramref name="read"/>; an absent one is missing when required.
    /// </summary>
    private Failure? WithString(ParameterSpec spec, Func<string, Failure?> read)
    {
        var outcome = fields.OptionalString(spec.Name);
        if (!outcome.Succeeded)
        {
            return outcome.Failure;
        }

        return outcome.Value is null ? (spec.Required ? Failure.Missing(spec.Name) : null) : read(outcome.Value);
    }

    private Failure? Integer(ParameterSpec spec) => WithDefault(spec,
        fallback => Set(spec.Name, fallback.GetInt64()),
        element =>
        {
            if (WholeNumber(spec, element) is { } failure)
            {
                return failure;
            }

            Set(spec.Name, element.GetInt64());
            return null;
        });

    private Failure? Number(ParameterSpec spec) => WithDefault(spec,
        fallback => Set(spec.Name, fallback.GetDouble(), chosen: false),
        element =>
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                return Failure.WrongType(spec.Name, spec.RangeText);
            }

            if (number < spec.Minimum || number > spec.Maximum)
            {
                return Failure.Invalid(spec.Name, "invalid_value",
                    $"{spec.Name} {element.GetRawText()} is out of range; use {spec.RangeText}");
            }

            Set(spec.Name, number, chosen: false);
            return null;
        });

    /// <summary>
    /// The frame an integer and a number share: an absent parameter takes its default (or is missing when required);
    /// a present one is checked and kept by <paramref name="read"/>.
    /// </summary>
    private Failure? WithDefault(ParameterSpec spec, Action<JsonElement> useDefault, Func<JsonElement, Failure?> read)
    {
        if (fields.Get(spec.Name) is { } element)
        {
            return read(element);
        }

        if (spec.Default is { } fallback)
        {
            useDefault(fallback);
            return null;
        }

        return spec.Required ? Failure.Missing(spec.Name) : null;
    }

    private Failure? Seed(ParameterSpec spec, int randomSeed)
    {
        var element = fields.Get(spec.Name);
        if (element is null)
        {
            // The random seed is drawn from 0..int.MaxValue-1; a card with a narrower range folds it into its own.
            var min = spec.Minimum ?? 0;
            var max = spec.Maximum ?? int.MaxValue;
            var seed = randomSeed >= min && randomSeed <= max ? randomSeed : (int)(min + (randomSeed % (max - min + 1)));
            Set(spec.Name, seed, chosen: false);
            return null;
        }

        var read = WholeNumber(spec, element.Value);
        if (read is { } failure)
        {
            return failure;
        }

        Set(spec.Name, (int)element.Value.GetInt64(), chosen: false);
        return null;
    }

    /// <summary>The checks an integer and a seed share, with the seed's messages.</summary>
    private static Failure? WholeNumber(ParameterSpec spec, JsonElement element)
    {
        var name = spec.Name;
        var range = spec.RangeText;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return Failure.WrongType(name, range);
        }

        if (element.TryGetInt64(out var whole))
        {
            return whole < spec.Minimum || whole > spec.Maximum
                ? Failure.Invalid(name, "invalid_value", $"{name} {whole} is out of range; use {range}")
                : null;
        }

        var raw = element.GetRawText();
        return raw.TrimStart('-').All(char.IsAsciiDigit)
            ? Failure.Invalid(name, "invalid_value", $"{name} is out of range; use {range}")
            : Failure.WrongType(name, range);
    }

    private static bool HasControlCharacters(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    public static string JoinOr(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
