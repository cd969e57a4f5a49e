using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// A protocol create request → the seed's request body, which the seed's parser then validates and the planner
/// prices: the model (or the default), <c>size</c>/<c>seconds</c> through <see cref="VideoParameterMap"/>,
/// <c>input_reference</c> as the card's <c>image</c> (mode i2v unless the request sets mode), and every other
/// field as the card parameter of that name. Form fields arrive as text and are typed by the card.
/// </summary>
public sealed class VideoRequestTranslator(ModelCatalog catalog, IOptions<OpenAiVideoOptions> options)
{
    public const string ImageParameter = "image";

    private static readonly string[] ProtocolFields =
        ["model", VideoParameterMap.SizeField, VideoParameterMap.SecondsField, VideoForm.InputReferenceField];

    public string DefaultModel => options.Value.DefaultModel ?? catalog.Models[0].Id;

    /// <param name="form">The request as read.</param>
    /// <param name="uploadedImage">The upload id of the <c>input_reference</c> file, when one came.</param>
    public Outcome<JsonObject> ToSeedBody(VideoForm form, string? uploadedImage)
    {
        var fields = form.Fields;
        var modelId = DefaultModel;
        if (fields["model"] is { } modelNode)
        {
            if (modelNode.GetValueKind() != JsonValueKind.String)
            {
                return Invalid("model", "invalid_type", "model must be a string");
            }

            modelId = modelNode.GetValue<string>();
        }

        var model = catalog.Find(modelId);
        if (model is null)
        {
            return new Failure(FailureKind.BadRequest, "model_not_found",
                $"model '{Failure.Printable(modelId)}' does not exist; available: {string.Join(", ", catalog.Models.Select(m => m.Id))}",
                "model");
        }

        var body = new JsonObject { ["model"] = model.Id };
        foreach (var (name, value) in fields)
        {
            if (ProtocolFields.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            if (VideoParameterMap.ProtocolFieldOf.TryGetValue(name, out var protocolField))
            {
                return Invalid(name, "unknown_parameter", $"{name} is set through {protocolField} on this API");
            }

            body[name] = form.FromMultipart ? Typed(model, name, value) : value?.DeepClone();
        }

        var image = ImageOf(fields[VideoForm.InputReferenceField], uploadedImage);
        if (!image.Succeeded)
        {
            return image.Failure;
        }

        if (image.Value is not null)
        {
            if (body.ContainsKey(ImageParameter))
            {
                return Invalid(VideoForm.InputReferenceField, "invalid_value", "send the image as input_reference or image, not both");
            }

            body[ImageParameter] = image.Value;
            if (!body.ContainsKey("mode") && model.HasParameter("mode"))
            {
                body["mode"] = GenerationSpec.ImageToVideo;
            }
        }

        var mapped = VideoParameterMap.For(model).Apply(body, fields[VideoParameterMap.SizeField], fields[VideoParameterMap.SecondsField]);
        return mapped is null ? body : mapped;
    }

    /// <summary>The seed body of a remix: the finished job's settings with a new prompt.</summary>
    public static JsonObject RemixBody(GenerationSpec source, string prompt)
    {
        var body = new JsonObject
        {
            ["model"] = source.Model,
            ["prompt"] = prompt,
            ["mode"] = source.Mode,
            ["resolution"] = source.Resolution,
            ["aspect_ratio"] = source.AspectRatio,
            ["duration"] = source.Duration,
            ["audio"] = source.Audio,
            ["style"] = source.Style,
            ["thinking"] = source.Thinking,
            ["seed"] = source.Seed,
        };
        var carried = new[] { ("image", source.Image), ("image_end", source.ImageEnd), ("negative_prompt", source.NegativePrompt) };
        foreach (var (name, value) in carried)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        return body;
    }

    /// <summary>
    /// input_reference: a file (already stored as an upload), {"image_url"} or {"file_id"}, or the reference as a string.
    /// </summary>
    private static Outcome<string?> ImageOf(JsonNode? reference, string? uploadedImage)
    {
        if (uploadedImage is not null)
        {
            return reference is null ? uploadedImage : Invalid(VideoForm.InputReferenceField, "invalid_value", "send input_reference once");
        }

        switch (reference)
        {
            case null:
                return (string?)null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonObject reference_ when reference_.Count == 1
                && (reference_["image_url"] ?? reference_["file_id"]) is { } inner && inner.GetValueKind() == JsonValueKind.String:
                return inner.GetValue<string>();
            default:
                return Invalid(VideoForm.InputReferenceField, "invalid_value",
                    "input_reference must be an image file, {\"image_url\": \"https://... or data:image/...\"} "
                    + "or {\"file_id\": \"upl_...\"}");
        }
    }

    /// <summary>
    /// A form field's text as the card's parameter type wants it; left as text when it does not parse (the parser then names it).
    /// </summary>
    private static JsonNode? Typed(ModelCard model, string name, JsonNode? value)
    {
        if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String || !model.HasParameter(name))
        {
            return value?.DeepClone();
        }

        var raw = text.GetValue<string>();
        return model.Parameter(name).Type switch
        {
            "boolean" when bool.TryParse(raw, out var flag) => JsonValue.Create(flag),
            "integer" when long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                => JsonValue.Create(number),
            _ => JsonValue.Create(raw),
        };
    }

    private static Failure Invalid(string param, string code, string message) => new(FailureKind.BadRequest, code, message, param);
}
