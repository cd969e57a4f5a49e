using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Features.Generations;

/// <summary>
/// The request body of POST /v1/videos/generations as the OpenAPI document describes it. The server reads
/// the body itself (to name unknown fields and wrong types exactly); this type documents the shape.
/// </summary>
public sealed record GenerationRequest(
    [property: Required, Description("The model id, e.g. pixverse-v5-6.")] string Model,
    [property: Required, MaxLength(2048), Description("Scene description.")] string Prompt,
    [property: Description("t2v: text-to-video. i2v: animate the attached image. Default t2v.")] string? Mode = null,
    [property: Description("360p, 540p, 720p or 1080p. Default 1080p.")] string? Resolution = null,
    [property: Description("16:9, 4:3, 1:1, 3:4 or 9:16. Default 16:9.")] string? AspectRatio = null,
    [property: Description("5s, 8s or 10s (the integers 5, 8, 10 are accepted too); 10s is not available at 1080p. Default 5s.")]
    string? Duration = null,
    [property: Description("Generate audio with the video. Default true.")] bool? Audio = null,
    [property: Description("Reference image for i2v: an http(s) URL, a data:image/...;base64, URI, or an upload id.")] string? Image = null,
    [property: Description("Optional last-frame image for i2v, same forms as image.")] string? ImageEnd = null,
    [property: Description("none, anime, 3d_animation, clay, comic or cyberpunk. Default none.")] string? Style = null,
    [property: Description("auto, enabled or disabled. Default auto.")] string? Thinking = null,
    [property: MaxLength(2048), Description("What to avoid.")] string? NegativePrompt = null,
    [property: Range(0, int.MaxValue), Description("Reproducibility seed; random and recorded when absent.")] int? Seed = null,
    [property: Description("Receives job.completed, job.failed and job.cancelled events.")] string? WebhookUrl = null,
    [property: Description("Up to 16 string pairs, echoed back on the job.")] IReadOnlyDictionary<string, string>? Metadata = null);
