using System.Text.Json;
using Reelgate.Core.Catalog;

namespace Reelgate.Core.Validation;

/// <summary>
/// Turns a request body into a <see cref="GenerationSpec"/> by the model's parameter table, or the
/// first problem found, naming its field. Rows are read in the table's order by their kind; the card's
/// defaults and constraints apply here and nowhere else.
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

        var reader = new ParameterReader(model, fields);
        foreach (var parameter in model.Parameters)
        {
            // Fields are checked in the parameter table's order; the first problem is the answer.
            if (reader.Read(parameter, randomSeed) is { } failure)
            {
                return failure;
            }
        }

        var webhook = WebhookUrl(fields);
        if (!webhook.Succeeded) { return webhook.Failure; }
        var metadata = Metadata(fields);
        if (!metadata.Succeeded) { return metadata.Failure; }

        var rule = CheckMode(model, reader) ?? CheckConstraints(model, reader.Chosen);
        if (rule is not null)
        {
            return rule;
        }

        return SpecShaper.Shape(model, reader, randomSeed, webhook.Value, metadata.Value);
    }

    private static Failure? CheckMode(ModelCard model, ParameterReader reader)
    {
        var image = reader.Text(CardShape.Image);
        var imageEnd = reader.Text(CardShape.ImageEnd);
        if (!model.HasParameter(CardShape.Mode))
        {
            // Without a mode the image decides; a card whose image is required is image-to-video only.
            return image is null && imageEnd is not null
                ? Failure.Invalid(CardShape.ImageEnd, "invalid_value", "image_end is only used with image")
                : null;
        }

        var isI2V = string.Equals(reader.Text(CardShape.Mode), GenerationSpec.ImageToVideo, StringComparison.Ordinal);
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

    private static Failure? CheckConstraints(ModelCard model, Dictionary<string, string> chosen)
    {
        foreach (var constraint in model.Constraints)
        {
            var applies = constraint.If.All(pair =>
                chosen.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
            if (!applies)
            {
                continue;
            }

            foreach (var (name, allowed) in constraint.Then)
            {
                if (chosen.TryGetValue(name, out var value) && !allowed.Contains(value, StringComparer.Ordinal))
                {
                    var when = string.Join(" and ", constraint.If.Values);
                    return Failure.Invalid(name, "unsupported_combination",
                        $"{name} {value} is not available at {when}; use {ParameterReader.JoinOr(allowed)}");
                }
            }
        }

        return null;
    }

    private static Outcome<string?> WebhookUrl(JsonFields fields)
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

    private static Outcome<IReadOnlyDictionary<string, string>> Metadata(JsonFields fields)
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
}
