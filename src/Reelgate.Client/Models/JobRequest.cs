using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The request as the job runs it: every field, defaults filled in, the seed recorded.</summary>
public sealed record JobRequest(
    string Model,
    string Prompt,
    GenerationMode Mode,
    Resolution Resolution,
    AspectRatio AspectRatio,
    VideoDuration Duration,
    bool Audio,
    string? Image,
    string? ImageEnd,
    VideoStyle Style,
    ThinkingMode Thinking,
    string? NegativePrompt,
    int Seed,
    string? WebhookUrl)
{
    /// <summary>
    /// The model's own parameters beyond the fields above (size, num_frames, guidance_scale, ...); null for a model without any.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }
}
