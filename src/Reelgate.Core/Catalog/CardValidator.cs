using System.Text.Json;
using Reelgate.Core.Pricing;

namespace Reelgate.Core.Catalog;

/// <summary>
/// Checks a model card before the server takes requests for it: every parameter readable by the parser, the
/// video's size and length derivable (see <see cref="CardShape"/>), constraints and rate card naming real
/// parameters, values and cells. Each problem names the model and the parameter or cell.
/// </summary>
public static class CardValidator
{
    private static readonly string[] Types = ["enum", "boolean", "string", "image", "integer", "number", "seed"];

    public static IReadOnlyList<string> Problems(ModelCard card)
    {
        var problems = new List<string>();
        void Add(string what) => problems.Add($"model {card.Id}: {what}");

        if (card.Engines.Count == 0)
        {
            Add("engines is empty; name the engines that can serve it, e.g. [\"local\"]");
        }

        foreach (var duplicate in card.Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add($"parameter {duplicate.Key} appears more than once");
        }

        foreach (var parameter in card.Parameters)
        {
            if (CheckParameter(parameter) is { } problem)
            {
                Add($"parameter {parameter.Name}: {problem}");
            }
        }

        CheckShape(card, Add);
        CheckConstraints(card, Add);
        CheckPricing(card, Add);
        return problems;
    }

    private static string? CheckParameter(ParameterSpec p)
    {
        switch (p.Kind)
        {
            case ParameterKind.Unknown:
                return $"type '{p.Type}' is not one of {string.Join(", ", Types)}";
            case ParameterKind.Choice:
                if (p.Values is not { Count: > 0 } values || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
                {
                    return "an enum needs values, each once";
                }

                if (p.Default is { } d && (d.ValueKind != JsonValueKind.String || !p.Allows(d.GetString()!)))
                {
                    return "the default is not one of its values";
                }

                return p.Default is null && !p.Required ? "an enum needs a default or required: true" : null;
            case ParameterKind.Flag:
                return p.Default is { ValueKind: JsonValueKind.True or JsonValueKind.False }
                    ? null
                    : "a boolean needs a default of true or false";
            case ParameterKind.Text:
            case ParameterKind.Image:
                return p.MaxLength is <= 0 ? "max_length must be positive" : null;
            case ParameterKind.Seed:
                return p.Minimum is >= 0 && p.Maximum is { } top && top <= int.MaxValue && p.Minimum <= top
                    ? null
                    : $"a seed needs minimum and maximum within 0 to {int.MaxValue}";
            default:
                return CheckRange(p);
        }
    }

    private static string? CheckRange(ParameterSpec p)
    {
        if (p.Minimum is not { } min || p.Maximum is not { } max || min > max)
        {
            return $"an {p.Type} needs minimum <= maximum";
        }

        if (p.Default is not { } d)
        {
            return null;
        }

        var ok = p.Kind == ParameterKind.Integer
            ? d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out var whole) && whole >= min && whole <= max
            : d.ValueKind == JsonValueKind.Number && d.GetDouble() >= min && d.GetDouble() <= max;
        return ok ? null : $"the default {d.GetRawText()} is not {p.RangeText}";
    }

    private static void CheckShape(ModelCard card, Action<string> add)
    {
        Expect(card, CardShape.Prompt, ParameterKind.Text, required: true, add);
        var size = card.Find(CardShape.Size);
        var resolution = card.Find(CardShape.Resolution);
        if (size is not null && resolution is not null)
        {
            add("a card sets its frame size with size or with resolution and aspect_ratio, not both");
        }
        else if (size is not null)
        {
            Expect(card, CardShape.Size, ParameterKind.Choice, required: false, add);
            foreach (var bad in size.Values?.Where(v => CardShape.ParseSize(v) is null) ?? [])
            {
                add($"parameter size: '{bad}' is not a size like 1280x720 with even sides of 16 to 4096");
            }
        }
        else if (resolution is not null)
        {
            Expect(card, CardShape.Resolution, ParameterKind.Choice, required: false, add);
            Expect(card, CardShape.AspectRatio, ParameterKind.Choice, required: false, add);
            foreach (var bad in resolution.Values?.Where(v => v.Length < 2 || v[^1] != 'p' || !v[..^1].All(char.IsAsciiDigit)) ?? [])
            {
                add($"parameter resolution: '{bad}' is not a resolution like 720p");
            }

            foreach (var bad in card.Find(CardShape.AspectRatio)?.Values?.Where(v => !IsRatio(v)) ?? [])
            {
                add($"parameter aspect_ratio: '{bad}' is not a ratio like 16:9");
            }
        }
        else
        {
            add("no frame size: give it a size parameter (\"1280x720\", ...) or resolution and aspect_ratio");
        }

        var lengths = new[] { CardShape.Duration, CardShape.Seconds, CardShape.NumFrames }.Where(card.HasParameter).ToList();
        if (lengths.Count != 1)
        {
            add("the length is set by exactly one of duration, seconds (whole seconds) or num_frames (with fps)");
        }
        else if (card.Find(lengths[0]) is { } length)
        {
            if (length.Kind == ParameterKind.Choice)
            {
                foreach (var bad in length.Values?.Where(v => CardShape.ParseSeconds(v) is not > 0) ?? [])
                {
                    add($"parameter {length.Name}: '{bad}' is not a length in whole seconds like 5s");
                }
            }

            if (length.Kind != ParameterKind.Choice && length.Kind != ParameterKind.Integer
                || length.Kind == ParameterKind.Integer && length.Minimum is not > 0
                || length.Kind == ParameterKind.Choice && string.Equals(length.Name, CardShape.NumFrames, StringComparison.Ordinal))
            {
                var orEnum = length.Name == CardShape.NumFrames ? string.Empty : " or an enum of lengths";
                add($"parameter {length.Name}: must be an integer with minimum >= 1{orEnum}");
            }
        }

        if (card.Find(CardShape.Fps) is { } fps
            && (fps.Kind != ParameterKind.Integer || fps.Minimum is not >= 1 || fps.Maximum is not <= 120))
        {
            add("parameter fps: must be an integer from at least 1 to at most 120");
        }

        Expect(card, CardShape.Audio, ParameterKind.Flag, required: false, add, optional: true);
        Expect(card, CardShape.Image, ParameterKind.Image, required: false, add, optional: true);
        Expect(card, CardShape.ImageEnd, ParameterKind.Image, required: false, add, optional: true);
        Expect(card, CardShape.NegativePrompt, ParameterKind.Text, required: false, add, optional: true);
        if (card.Find(CardShape.Mode) is { } mode)
        {
            if (mode.Values?.Any(v => v is not ("t2v" or "i2v")) ?? true)
            {
                add("parameter mode: values are t2v and i2v");
            }

            if (!card.HasParameter(CardShape.Image))
            {
                add("parameter mode: a card with a mode needs an image parameter");
            }
        }

        if (card.HasParameter(CardShape.ImageEnd) && !card.HasParameter(CardShape.Image))
        {
            add("parameter image_end: needs an image parameter");
        }
    }

    private static void Expect(ModelCard card, string name, ParameterKind kind, bool required, Action<string> add, bool optional = false)
    {
        var parameter = card.Find(name);
        if (parameter is null)
        {
            if (!optional)
            {
                add($"needs a parameter {name}");
            }

            return;
        }

        if (parameter.Kind != kind)
        {
            add($"parameter {name}: must be of kind {kind.ToString().ToLowerInvariant()}, not type '{parameter.Type}'");
        }

        if (required && !parameter.Required)
        {
            add($"parameter {name}: must be required");
        }
    }

    private static bool IsRatio(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2 && parts.All(p => p.Length is > 0 and < 5 && p.All(char.IsAsciiDigit) && p.Any(c => c != '0'));
    }

    private static void CheckConstraints(ModelCard card, Action<string> add)
    {
        foreach (var constraint in card.Constraints)
        {
            foreach (var (name, value) in constraint.If)
            {
                CheckNamedValue(card, "constraint if", name, value, add);
            }

            foreach (var (name, values) in constraint.Then)
            {
                foreach (var value in values)
                {
                    CheckNamedValue(card, "constraint then", name, value, add);
                }
            }
        }
    }

    private static void CheckNamedValue(ModelCard card, string where, string name, string value, Action<string> add)
    {
        var parameter = card.Find(name);
        if (parameter is null)
        {
            add($"{where}: there is no parameter {name}");
        }
        else if (parameter.Kind == ParameterKind.Choice && !parameter.Allows(value))
        {
            add($"{where}: {name} has no value '{value}'");
        }
        else if (parameter.Kind is not (ParameterKind.Choice or ParameterKind.Integer or ParameterKind.Flag))
        {
            add($"{where}: {name} is not an enum, integer or boolean");
        }
    }

    private static void CheckPricing(ModelCard card, Action<string> add)
    {
        var pricing = card.Pricing;
        if (!string.Equals(pricing.Unit, RateCard.PerVideo, StringComparison.Ordinal) && !pricing.IsPerSecond)
        {
            add($"pricing unit '{pricing.Unit}' is not '{RateCard.PerVideo}' or '{RateCard.PerSecond}'");
            return;
        }

        if (!pricing.IsPerSecond && card.Find(CardShape.Duration) is not { Kind: ParameterKind.Choice }
            && card.Find(CardShape.Seconds) is not { Kind: ParameterKind.Choice })
        {
            add("pricing per video needs a duration or seconds enum to name its cells; price num_frames or integer seconds per second");
        }

        var sizes = (card.Find(CardShape.Size) ?? card.Find(CardShape.Resolution))?.Values ?? [];
        foreach (var tier in pricing.Tiers)
        {
            foreach (var bad in tier.Resolutions.Where(r => !sizes.Contains(r, StringComparer.Ordinal)))
            {
                add($"pricing tier {tier.Name}: '{bad}' is not a value of {(card.HasParameter(CardShape.Size) ? "size" : "resolution")}");
            }

            foreach (var bad in tier.Prices.Keys.Where(cell => !card.IsPriceCell(cell)))
            {
                var cells = string.Join(", ", card.PriceDurations.Select(d => d + " or " + d + "+audio"));
                add($"pricing tier {tier.Name}: '{bad}' is not a cell; use {cells}");
            }
        }
    }
}
