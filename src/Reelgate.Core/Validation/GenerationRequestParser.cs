using System.Globalization;
using System.Text.Json;
using Reelgate.Core.Catalog;

namespace Reelgate.Core.Validation;

/// <summary>
/// Turns a request body into a <see cref="GenerationSpec"/> by the model's parameter table, or the
/// first problem found, naming its field. The rules are the contract's; the values come from the catalog.
/// </summary>
public sealed class GenerationRequestParser(ModelCatalog catalog)
{
    public const int MaxMetadataPairs = 16;
    public const int MaxMetadataKeyLength = 64;
    public const int MaxMetadataValueLength = 512;
    public const int MaxWebhookUrlLength = 2048;

    private static readonly string[] Extensions = ["model", "webhook_url", "metadata"];

    /// <param name="body">The parsed request body.</param>
    /// <param name="randomSeed">The seed to record when the request names none.</param>
    public Outcome<GenerationSpec> Parse(JsonElement body, int randomSeed)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new Failure(FailureKind.BadRequest, "invalid_json", "the request body must be a JSON object");
        }

        var fields = new JsonFields(body);
        var modelId = fields.RequiredString("model");
        if (!modelId.Succeeded)
        {
            return modelId.Failure;
        }

        var model = catalog.Find(modelId.Value);
        if (model is null)
        {
            var known = string.Join(", ", catalog.Models.Select(m => m.Id));
            return Failure.Invalid("model", "model_not_found",
                $"model '{Failure.Printable(modelId.Value)}' does not exist; available: {known}");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!model.HasParameter(property.Name) && !Extensions.Contains(property.Name, StringComparer.Ordinal))
            {
                return Failure.Invalid(property.Name, "unknown_parameter",
                    $"{Failure.Printable(property.Name)} is not a parameter of {model.Id}; parameters are matched exactly in snake_case");
            }
        }

        return new SpecReader(model, fields).Read(randomSeed);
    }

    /// <summary>Reads one request against one model card; a new one per request.</summary>
    private sealed class SpecReader(ModelCard model, JsonFields fields)
    {
        private readonly Dictionary<string, string> _chosen = new(StringComparer.Ordinal);

        public Outcome<GenerationSpec> Read(int randomSeed)
        {
            // Fields are checked in the parameter table's order; the first problem is the answer.
            var prompt = Prompt();
            if (!prompt.Succeeded) { return prompt.Failure; }
            var mode = Choice("mode");
            if (!mode.Succeeded) { return mode.Failure; }
            var resolution = Choice("resolution");
            if (!resolution.Succeeded) { return resolution.Failure; }
            var aspectRatio = Choice("aspect_ratio");
            if (!aspectRatio.Succeeded) { return aspectRatio.Failure; }
            var duration = Choice("duration");
            if (!duration.Succeeded) { return duration.Failure; }
            var audio = Flag("audio");
            if (!audio.Succeeded) { return audio.Failure; }
            var image = ImageInput("image");
            if (!image.Succeeded) { return image.Failure; }
            var imageEnd = ImageInput("image_end");
            if (!imageEnd.Succeeded) { return imageEnd.Failure; }
            var style = Choice("style");
            if (!style.Succeeded) { return style.Failure; }
            var thinking = Choice("thinking");
            if (!thinking.Succeeded) { return thinking.Failure; }
            var negative = Text("negative_prompt");
            if (!negative.Succeeded) { return negative.Failure; }
            var seed = Seed(randomSeed);
            if (!seed.Succeeded) { return seed.Failure; }
            var webhook = WebhookUrl();
            if (!webhook.Succeeded) { return webhook.Failure; }
            var metadata = Metadata();
            if (!metadata.Succeeded) { return metadata.Failure; }

            var rule = CheckMode(mode.Value, image.Value, imageEnd.Value) ?? CheckConstraints();
            if (rule is not null)
            {
                return rule;
            }

            var seconds = int.Parse(duration.Value.AsSpan(0, duration.Value.Length - 1), CultureInfo.InvariantCulture);
            return new GenerationSpec(
                model.Id, prompt.Value, mode.Value, resolution.Value, aspectRatio.Value, seconds, audio.Value,
                image.Value, imageEnd.Value, style.Value, thinking.Value, negative.Value, seed.Value, webhook.Value,
                metadata.Value);
        }

        private Outcome<string> Prompt()
        {
            var prompt = Text("prompt");
            if (!prompt.Succeeded)
            {
                return prompt.Failure;
            }

            if (prompt.Value is null)
            {
                return Failure.Missing("prompt");
            }

            return string.IsNullOrWhiteSpace(prompt.Value)
                ? Failure.Invalid("prompt", "invalid_value", "prompt must not be blank")
                : prompt.Value;
        }

        private static Failure? CheckMode(string mode, string? image, string? imageEnd)
        {
            var isI2V = string.Equals(mode, GenerationSpec.ImageToVideo, StringComparison.Ordinal);
            if (isI2V && image is null)
            {
                return Failure.Invalid("image", "missing_parameter", "image is required when mode is i2v");
            }

            if (!isI2V && image is not null)
            {
                return Failure.Invalid("image", "invalid_value", "image is only used when mode is i2v; set \"mode\": \"i2v\" or remove image");
            }

            if (!isI2V && imageEnd is not null)
            {
                return Failure.Invalid("image_end", "invalid_value", "image_end is only used when mode is i2v");
            }

            return null;
        }

        private Failure? CheckConstraints()
        {
            foreach (var constraint in model.Constraints)
            {
                var applies = constraint.If.All(pair =>
                    _chosen.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
                if (!applies)
                {
                    continue;
                }

                foreach (var (name, allowed) in constraint.Then)
                {
                    if (_chosen.TryGetValue(name, out var value) && !allowed.Contains(value, StringComparer.Ordinal))
                    {
                        var when = string.Join(" and ", constraint.If.Values);
                        return Failure.Invalid(name, "unsupported_combination",
                            $"{name} {value} is not available at {when}; use {JoinOr(allowed)}");
                    }
                }
            }

            return null;
        }

        private Outcome<string> Choice(string name)
        {
            var spec = model.Parameter(name);
            var element = fields.Get(name);
            string value;
            if (element is null)
            {
                value = spec.DefaultString;
            }
            else if (element.Value.ValueKind == JsonValueKind.String)
            {
                value = element.Value.GetString()!;
                if (!spec.Allows(value))
                {
                    return Failure.Invalid(name, "invalid_value",
                        $"{name} '{Failure.Printable(value)}' is not allowed; use one of {string.Join(", ", spec.Values!)}{IntegerHint(name)}");
                }
            }
            else if (element.Value.ValueKind == JsonValueKind.Number && IsDuration(name))
            {
                if (!element.Value.TryGetInt32(out var seconds) || !spec.Allows($"{seconds}s"))
                {
                    return Failure.Invalid(name, "invalid_value",
                        $"{name} {Failure.Printable(element.Value.GetRawText())} is not allowed; use one of {string.Join(", ", spec.Values!)}{IntegerHint(name)}");
                }

                value = $"{seconds}s";
            }
            else
            {
                return Failure.WrongType(name, $"a string, one of {string.Join(", ", spec.Values!)}{IntegerHint(name)}");
            }

            _chosen[name] = value;
            return value;
        }

        private static bool IsDuration(string name) => string.Equals(name, "duration", StringComparison.Ordinal);

        private string IntegerHint(string name) =>
            IsDuration(name)
                ? " (or the integer " + JoinOr(model.Parameter(name).Values!.Select(v => v.TrimEnd('s')).ToList()) + ")"
                : string.Empty;

        private Outcome<bool> Flag(string name)
        {
            var element = fields.Get(name);
            if (element is null)
            {
                return model.Parameter(name).DefaultBoolean;
            }

            return element.Value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? element.Value.GetBoolean()
                : Failure.WrongType(name, "true or false");
        }

        private Outcome<string?> Text(string name)
        {
            var outcome = fields.OptionalString(name);
            if (!outcome.Succeeded || outcome.Value is null)
            {
                return outcome;
            }

            var spec = model.Parameter(name);
            var length = outcome.Value.EnumerateRunes().Count();
            if (spec.MaxLength is { } max && length > max)
            {
                return Failure.Invalid(name, "string_too_long", $"{name} is {length} characters; at most {max} are allowed");
            }

            if (outcome.Value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return Failure.Invalid(name, "invalid_value", $"{name} contains control characters; only tabs and line breaks are allowed");
            }

            return outcome;
        }

        private Outcome<string?> ImageInput(string name)
        {
            var outcome = fields.OptionalString(name);
            if (!outcome.Succeeded || outcome.Value is null)
            {
                return outcome;
            }

            return ImageReference.Classify(outcome.Value) is null
                ? Failure.Invalid(name, "invalid_value",
                    $"{name} must be an http(s) URL, a data:image/...;base64, URI or an upload id (upl_...)")
                : outcome;
        }

        private Outcome<int> Seed(int randomSeed)
        {
            var element = fields.Get("seed");
            if (element is null)
            {
                return randomSeed;
            }

            var spec = model.Parameter("seed");
            var range = $"an integer from {spec.Minimum} to {spec.Maximum}";
            if (element.Value.ValueKind != JsonValueKind.Number)
            {
                return Failure.WrongType("seed", range);
            }

            if (element.Value.TryGetInt64(out var seed))
            {
                return seed < spec.Minimum || seed > spec.Maximum
                    ? Failure.Invalid("seed", "invalid_value", $"seed {seed} is out of range; use {range}")
                    : (int)seed;
            }

            var raw = element.Value.GetRawText();
            return raw.TrimStart('-').All(char.IsAsciiDigit)
                ? Failure.Invalid("seed", "invalid_value", $"seed is out of range; use {range}")
                : Failure.WrongType("seed", range);
        }

        private Outcome<string?> WebhookUrl()
        {
            var outcome = fields.OptionalString("webhook_url");
            if (!outcome.Succeeded || outcome.Value is null)
            {
                return outcome;
            }

            var ok = outcome.Value.Length <= MaxWebhookUrlLength
                && Uri.TryCreate(outcome.Value, UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            return ok ? outcome : Failure.Invalid("webhook_url", "invalid_value", "webhook_url must be an absolute http(s) URL");
        }

        private Outcome<IReadOnlyDictionary<string, string>> Metadata()
        {
            var element = fields.Get("metadata");
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (element is null)
            {
                return pairs;
            }

            if (element.Value.ValueKind != JsonValueKind.Object)
            {
                return Failure.WrongType("metadata", $"an object of at most {MaxMetadataPairs} string pairs");
            }

            foreach (var property in element.Value.EnumerateObject())
            {
                if (pairs.Count == MaxMetadataPairs)
                {
                    return Failure.Invalid("metadata", "invalid_value", $"metadata holds at most {MaxMetadataPairs} pairs");
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return Failure.WrongType("metadata", "an object whose values are strings");
                }

                var value = property.Value.GetString()!;
                if (property.Name.Length is 0 or > MaxMetadataKeyLength || value.Length > MaxMetadataValueLength
                    || property.Name.Any(char.IsControl))
                {
                    return Failure.Invalid("metadata", "invalid_value",
                        $"metadata keys are 1 to {MaxMetadataKeyLength} characters and values at most {MaxMetadataValueLength}");
                }

                pairs[property.Name] = value;
            }

            return pairs;
        }

        private static string JoinOr(IReadOnlyList<string> values) =>
            values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
    }
}
