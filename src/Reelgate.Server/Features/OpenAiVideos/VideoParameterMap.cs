using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// The OpenAI video protocol's <c>size</c> and <c>seconds</c> onto one model card's parameters, where the mapping
/// is exact: a size is a <c>resolution</c> × <c>aspect_ratio</c> cell of the card (its pixel size by
/// <see cref="VideoGeometry"/>), seconds are the card's <c>duration</c> values without the "s"; a card with its own
/// <c>size</c> or <c>seconds</c> parameter gets the field unchanged. The one place that knows which card
/// parameters the two protocol fields stand for.
/// </summary>
public sealed class VideoParameterMap
{
    public const string SizeField = "size";
    public const string SecondsField = "seconds";

    /// <summary>Card parameters the protocol has its own field for; sent by name they are refused.</summary>
    public static readonly IReadOnlyDictionary<string, string> ProtocolFieldOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["resolution"] = SizeField,
        ["aspect_ratio"] = SizeField,
        ["duration"] = SecondsField,
    };

    private readonly Dictionary<string, (string Resolution, string AspectRatio)> _sizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seconds = new(StringComparer.Ordinal);

    private VideoParameterMap(ModelCard model)
    {
        Model = model;
        if (model.HasParameter(SizeField) || model.HasParameter(SecondsField))
        {
            // A card with its own size or seconds parameter takes the protocol's field as it is; the card validates it.
            return;
        }

        if (model.HasParameter("resolution") && model.HasParameter("aspect_ratio"))
        {
            foreach (var resolution in model.Parameter("resolution").Values ?? [])
            {
                foreach (var aspect in model.Parameter("aspect_ratio").Values ?? [])
                {
                    _sizes.TryAdd(VideoGeometry.SizeOf(resolution, aspect).ToString(), (resolution, aspect));
                }
            }
        }

        if (model.HasParameter("duration"))
        {
            foreach (var duration in model.Parameter("duration").Values ?? [])
            {
                _seconds[duration.TrimEnd('s')] = duration;
            }
        }
    }

    public ModelCard Model { get; }

    /// <summary>Every size the card can make, "1920x1080" style, in the card's resolution then aspect order.</summary>
    public IReadOnlyList<string> Sizes => [.. _sizes.Keys];

    public IReadOnlyList<string> Seconds => [.. _seconds.Keys];

    public static VideoParameterMap For(ModelCard model) => new(model);

    /// <summary>The protocol's size of a request as the card runs it.</summary>
    public static string SizeOf(GenerationSpec spec) => spec.Size.ToString();

    public static string SecondsOf(GenerationSpec spec) => spec.DurationSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the card parameters that <paramref name="size"/> and <paramref name="seconds"/> stand for into the seed body.
    /// </summary>
    public Failure? Apply(JsonObject body, JsonNode? size, JsonNode? seconds)
    {
        if (Model.HasParameter(SizeField) || Model.HasParameter(SecondsField))
        {
            return PassThrough(body, SizeField, size) ?? PassThrough(body, SecondsField, seconds);
        }

        if (size is not null)
        {
            var text = TextOf(size);
            if (text is null || !_sizes.TryGetValue(text, out var cell))
            {
                return Refuse(SizeField, text, _sizes.Count == 0 ? null : Sizes);
            }

            body["resolution"] = cell.Resolution;
            body["aspect_ratio"] = cell.AspectRatio;
        }

        if (seconds is not null)
        {
            var text = TextOf(seconds);
            if (text is null || !_seconds.TryGetValue(text, out var duration))
            {
                return Refuse(SecondsField, text, _seconds.Count == 0 ? null : Seconds);
            }

            body["duration"] = duration;
        }

        return null;
    }

    /// <summary>
    /// A refusal of the seed's parser in the protocol's words: a card parameter that <c>size</c> or <c>seconds</c> set
    /// is named by that field, and a combination the card forbids (10 s at 1080p) is told as seconds at a size, with
    /// the seconds that size allows.
    /// </summary>
    public Failure Explain(Failure failure, JsonObject seedBody)
    {
        if (!string.Equals(failure.Code, "unsupported_combination", StringComparison.Ordinal) || _sizes.Count == 0 || _seconds.Count == 0)
        {
            return failure with { Param = ProtocolParam(failure.Param) };
        }

        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ProtocolFieldOf.Keys)
        {
            chosen[name] = seedBody[name] is { } node && node.GetValueKind() == JsonValueKind.String
                ? node.GetValue<string>()
                : Model.Parameter(name).DefaultString;
        }

        var size = VideoGeometry.SizeOf(chosen["resolution"], chosen["aspect_ratio"]);
        var allowed = (Model.AllowedGiven("duration", chosen) ?? []).Select(d => d.TrimEnd('s')).ToList();
        return failure with
        {
            Param = SecondsField,
            Message = $"seconds {chosen["duration"].TrimEnd('s')} is not available at size {size}; use {string.Join(" or ", allowed)}",
        };
    }

    /// <summary>The name a refusal of a card parameter gives on the protocol's routes.</summary>
    public static string? ProtocolParam(string? cardParam) =>
        cardParam is not null && ProtocolFieldOf.TryGetValue(cardParam, out var field) ? field : cardParam;

    private Failure? PassThrough(JsonObject body, string field, JsonNode? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!Model.HasParameter(field))
        {
            return Refuse(field, TextOf(value), null);
        }

        body[field] = value.DeepClone();
        return null;
    }

    private static string? TextOf(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        _ => null,
    };

    private Failure Refuse(string field, string? value, IReadOnlyList<string>? allowed)
    {
        var given = value is null ? $"{field} must be a string" : $"{field} '{Failure.Printable(value)}' is not available for {Model.Id}";
        var use = allowed is null ? $"{Model.Id} takes no {field}" : $"use one of {string.Join(", ", allowed)}";
        return new Failure(FailureKind.BadRequest, "invalid_value", $"{given}; {use}", field);
    }
}
