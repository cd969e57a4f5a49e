namespace Reelgate.Core.Validation;

/// <summary>A generation request after validation: every field present, defaults filled in, seed chosen.</summary>
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

    public VideoSize Size => VideoGeometry.SizeOf(Resolution, AspectRatio);

    public int FrameCount => VideoGeometry.FrameCount(DurationSeconds);

    /// <summary>The wire form of the duration, "5s".</summary>
    public string Duration => $"{DurationSeconds}s";

    public bool IsImageToVideo => string.Equals(Mode, ImageToVideo, StringComparison.Ordinal);
}
