using Reelgate.Engines.Upstream.Jobs;

namespace Reelgate.Engines.Upstream.Pixverse;

/// <summary>
/// Everything about PixVerse's platform API that public material leaves unconfirmed (see shared/spec/upstreams.md,
/// section 1), in one place to correct: model strings, the audio/reasoning switch names, the transition route's
/// image field names, status values, and what each ErrCode means.
/// </summary>
internal static class PixverseMapping
{
    /// <summary>Reelgate model id → PixVerse "model" (unconfirmed for 5.6). More via Reelgate:Upstreams:Pixverse:Models.</summary>
    public static readonly IReadOnlyDictionary<string, string> Models = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pixverse-v5-6"] = "v5.6",
        ["pixverse-v5-5"] = "v5.5",
    };

    public const string UploadPath = "openapi/v2/image/upload";
    public const string UploadField = "image";
    public const string TextPath = "openapi/v2/video/text/generate";
    public const string ImagePath = "openapi/v2/video/img/generate";
    public const string TransitionPath = "openapi/v2/video/transition/generate";
    public const string ResultPathPrefix = "openapi/v2/video/result/";

    public const string KeyHeader = "API-KEY";
    public const string TraceHeader = "Ai-trace-id";

    /// <summary>Unconfirmed on the text route (the names aggregators use for 5.5/5.6).</summary>
    public const string AudioField = "generate_audio_switch";

    /// <summary>Unconfirmed on every route.</summary>
    public const string ThinkingField = "thinking_type";

    /// <summary>Multi-clip switch: Reelgate has no counterpart, so it is sent as false, and only where the model and route take
    /// it.</summary>
    public const string MultiClipField = "generate_multi_clip_switch";

    /// <summary>
    /// PixVerse models whose text and image routes take <see cref="MultiClipField"/> (the transition route never does).
    /// v5.5 and v6 have it (ComfyUI's PixVerse v6 request models); the v5.6 schemas do not, so it is not sent for v5.6.
    /// </summary>
    public static readonly IReadOnlySet<string> MultiClipModels = new HashSet<string>(StringComparer.Ordinal) { "v5.5", "v6" };

    /// <summary>Unconfirmed names of the transition route's two image ids.</summary>
    public const string FirstFrameField = "first_frame_img";
    public const string LastFrameField = "last_frame_img";

    public const string MotionMode = "normal";

    /// <summary>
    /// Result status values (ComfyUI's PixverseStatus): 1 done, 5 generating, 6 deleted, 7 refused by moderation,
    /// 8 failed. Only 5 means "still running"; any other value is a status Reelgate does not know and fails the job.
    /// </summary>
    public const int StatusDone = 1;
    public const int StatusGenerating = 5;
    public const int StatusDeleted = 6;
    public const int StatusModerated = 7;
    public const int StatusFailed = 8;

    /// <summary>
    /// ErrCode meanings. Confirmed: 400011 empty parameter, 400012 invalid account, 400017 invalid parameter (a
    /// platform's copy of PixVerse's table); 500069 "high load, try again later" and 400013 invalid request (the
    /// issue's reading of PixVerse's error page). The rest are unconfirmed readings. An unknown non-zero code is an
    /// upstream_error that keeps the code and message: neither retried nor taken as success.
    /// </summary>
    public static readonly IReadOnlyDictionary<long, ProviderErrorKind> ErrorCodes = new Dictionary<long, ProviderErrorKind>
    {
        [400011] = ProviderErrorKind.Invalid,
        [400012] = ProviderErrorKind.Unauthorized,
        [400013] = ProviderErrorKind.Invalid,
        [400017] = ProviderErrorKind.Invalid,
        [400018] = ProviderErrorKind.Invalid,
        [400019] = ProviderErrorKind.Invalid,
        [500043] = ProviderErrorKind.InsufficientBalance,
        [500090] = ProviderErrorKind.InsufficientBalance,
        [500044] = ProviderErrorKind.RateLimited,
        [500045] = ProviderErrorKind.RateLimited,
        [500054] = ProviderErrorKind.Moderation,
        [500063] = ProviderErrorKind.Moderation,
        [500069] = ProviderErrorKind.Unavailable,
        [10002] = ProviderErrorKind.Unauthorized,
        [10003] = ProviderErrorKind.Unauthorized,
        [10005] = ProviderErrorKind.Unauthorized,
    };

    public static ProviderErrorKind KindOf(long errCode) => ErrorCodes.GetValueOrDefault(errCode, ProviderErrorKind.Unknown);
}
