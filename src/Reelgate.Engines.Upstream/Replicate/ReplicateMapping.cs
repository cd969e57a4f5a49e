namespace Reelgate.Engines.Upstream.Replicate;

/// <summary>
/// What upstreams.md (section 4) leaves unconfirmed about Replicate, in one place: the model's owner/name and
/// its input names. A field set to null here means the model has no such input: the engine then refuses a
/// request that needs it (422 naming the param) instead of dropping it silently.
/// </summary>
internal static class ReplicateMapping
{
    /// <summary>Reelgate model id → Replicate "owner/name". More via Reelgate:Upstreams:Replicate:Models.</summary>
    public static readonly IReadOnlyDictionary<string, string> Models = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pixverse-v5-6"] = "pixverse/pixverse-v5.6",
        ["pixverse-v5-5"] = "pixverse/pixverse-v5.5",
    };

    public const string ResolutionField = "quality";
    public const string ImageField = "image";
    public const string LastFrameField = "last_frame_image";

    /// <summary>Unconfirmed; null would refuse audio=true.</summary>
    public static readonly string? AudioField = "generate_audio_switch";

    /// <summary>
    /// pixverse/pixverse-v5.6 has no style input and Replicate ignores inputs a model lacks, so a style would be lost
    /// silently: null refuses any style but "none" (422 unsupported_by_engine, or the next engine that can serve it).
    /// </summary>
    public static readonly string? StyleField;

    /// <summary>Unconfirmed; null would refuse thinking other than "auto".</summary>
    public static readonly string? ThinkingField = "thinking_type";

    public const string StatusStarting = "starting";
    public const string StatusProcessing = "processing";
    public const string StatusSucceeded = "succeeded";
    public const string StatusFailed = "failed";
    public const string StatusCanceled = "canceled";

    /// <summary>Replicate's error text for a flagged input or output (E005), read as moderation.</summary>
    public static bool IsModeration(string? error) =>
        error is not null && (error.Contains("E005", StringComparison.Ordinal)
                              || error.Contains("flagged as sensitive", StringComparison.OrdinalIgnoreCase)
                              || error.Contains("NSFW", StringComparison.OrdinalIgnoreCase));
}
