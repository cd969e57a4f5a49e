using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Core.Validation;

/// <summary>
/// A generation request after validation: every field present, defaults filled in, seed chosen. The positional
/// fields are the shape every engine reads; a card with its own table (a size, a frame count, sampler settings)
/// also sets the init-only fields, which stay null (and out of the stored JSON) for the seed's card.
/// </summary>
public sealed record GenerationSpec(
    string Model,
    string Prompt,
    string Mode,
    string Resolution,
    string AspectRatio,
    int DurationSeconds,
    bool Audio,
    string? Image,
    string? ImageEnd,
    string Style,
    string Thinking,
    string? NegativePrompt,
    int Seed,
    string? WebhookUrl,
    IReadOnlyDictionary<string, string> Metadata)
{
    public const string TextToVideo = "t2v";
    public const string ImageToVideo = "i2v";

    /// <summary>The frame width when the card names a size ("1280x720"); else the size follows resolution and aspect ratio.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; init; }

    /// <summary>Frames per second when the card sets it; else <see cref="VideoGeometry.FramesPerSecond"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Fps { get; init; }

    /// <summary>The exact frame count when the card asks for frames (num_frames) rather than seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Frames { get; init; }

    /// <summary>The card's own parameters beyond the fields above (size, num_frames, guidance_scale, ...), as validated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }

    public VideoSize Size => Width is { } width && Height is { } height
        ? new VideoSize(width, height)
        : VideoGeometry.SizeOf(Resolution, AspectRatio);

    public int FramesPerSecond => Fps ?? VideoGeometry.FramesPerSecond;

    public int FrameCount => Frames ?? DurationSeconds * FramesPerSecond;

    /// <summary>The wire form of the duration, "5s".</summary>
    public string Duration => $"{DurationSeconds}s";

    public bool IsImageToVideo => string.Equals(Mode, ImageToVideo, StringComparison.Ordinal);

    /// <summary>One of the card's own parameters, or null when the card has none of that name or it was left unset.</summary>
    public JsonElement? Parameter(string name) =>
        Parameters is not null && Parameters.TryGetValue(name, out var value) ? value : null;
}
