namespace Reelgate.Client.Models;

/// <summary>
/// The body of POST /v1/videos/generations (and of a price quote). Only <see cref="Prompt"/> is needed;
/// every field left null is sent absent, so the server applies its default.
/// </summary>
public sealed record GenerationRequest
{
    /// <summary>The model of the seed's catalog; the catalog may hold more.</summary>
    public const string DefaultModel = "pixverse-v5-6";

    public required string Prompt { get; init; }

    public string Model { get; init; } = DefaultModel;

    public GenerationMode? Mode { get; init; }

    public Resolution? Resolution { get; init; }

    public AspectRatio? AspectRatio { get; init; }

    public VideoDuration? Duration { get; init; }

    public bool? Audio { get; init; }

    /// <summary>For i2v: an http(s) URL, a <c>data:image/...;base64,</c> URI, or an upload id (<c>upl_…</c>).</summary>
    public string? Image { get; init; }

    /// <summary>Optional last frame for i2v, in the same forms as <see cref="Image"/>.</summary>
    public string? ImageEnd { get; init; }

    public VideoStyle? Style { get; init; }

    public ThinkingMode? Thinking { get; init; }

    public string? NegativePrompt { get; init; }

    /// <summary>0 … 2147483647; random (and recorded on the job) when absent.</summary>
    public int? Seed { get; init; }

    /// <summary>Receives job.completed, job.failed and job.cancelled events.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Up to 16 string pairs, echoed back on the job.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
