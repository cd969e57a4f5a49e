using System.Globalization;
using System.Text.Json;
using Reelgate.Engines.Upstream.Http;

namespace Reelgate.Engines.Upstream.EmpirioLabs;

/// <summary>
/// What upstreams.md (section 2) leaves unconfirmed about EmpirioLabs, in one place: model ids, and where the
/// job object keeps its output URL and error. The request is Reelgate's own parameter table.
/// </summary>
internal static class EmpirioLabsMapping
{
    /// <summary>Reelgate model id → EmpirioLabs model id (the same ids, by the seed). More via settings.</summary>
    public static readonly IReadOnlyDictionary<string, string> Models = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["pixverse-v5-6"] = "pixverse-v5-6",
    };

    public const string SubmitPath = "v1/videos/generations";
    public const string JobPathPrefix = "v1/jobs/";
    public const string UploadPath = "v1/uploads";
    public const string UploadField = "file";

    /// <summary>Finished: "succeeded" (EmpirioLabs' docs, by the issue) or "completed" (the seed and Reelgate itself).</summary>
    public static readonly IReadOnlySet<string> DoneStatuses = new HashSet<string>(StringComparer.Ordinal) { "succeeded", "completed" };

    public const string StatusFailed = "failed";

    /// <summary>Cancelled upstream, in either spelling.</summary>
    public static readonly IReadOnlySet<string> CancelledStatuses = new HashSet<string>(StringComparer.Ordinal) { "cancelled", "canceled" };

    /// <summary>
    /// The job's progress as a percent: a fraction 0-1 when written with a decimal point ("0.5", "1.0"), else a percent
    /// ("50"); null when absent or not a number. Clamped to 0-100.
    /// </summary>
    public static int? ProgressPercent(JsonElement job)
    {
        if (job.Property("progress") is not { } progress)
        {
            return null;
        }

        var text = progress.ValueKind switch
        {
            JsonValueKind.Number => progress.GetRawText(),
            JsonValueKind.String => progress.GetString(),
            _ => null,
        };
        if (text is null || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return null;
        }

        var fraction = text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase);
        var percent = fraction && value <= 1 ? value * 100 : value;
        return (int)Math.Clamp(Math.Round(percent), 0, 100);
    }

    /// <summary>Error codes in a failed job that mean moderation or no credits (Reelgate's own codes).</summary>
    public static readonly IReadOnlySet<string> ModerationCodes = new HashSet<string>(StringComparer.Ordinal) { "content_moderation",
        "moderation", "content_policy_violation" };

    /// <summary>The video URL, read leniently: result.outputs[] of type video (else the first), else any url/video_url.</summary>
    public static Uri? OutputUrl(JsonElement job)
    {
        var result = job.Property("result");
        if (result?.Property("outputs") is { ValueKind: JsonValueKind.Array } outputs)
        {
            var items = outputs.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.Object).ToList();
            var video = items.FirstOrDefault(o => o.Text("type") == "video");
            var chosen = video.ValueKind == JsonValueKind.Object ? video : items.FirstOrDefault();
            if (chosen.ValueKind == JsonValueKind.Object && chosen.Url("url") is { } url)
            {
                return url;
            }
        }

        foreach (var holder in new[] { result, job })
        {
            if (holder is { } h && (h.Url("video_url") ?? h.Url("url")) is { } url)
            {
                return url;
            }
        }

        return null;
    }
}
