using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Server.Features.Jobs;

/// <summary>The job object of the contract, as GET /v1/jobs/{job_id} shows it.</summary>
public sealed record JobResponse(
    string JobId,
    string Object,
    string Model,
    string Status,
    int Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    RequestEcho Request,
    CostResponse Cost,
    ResultResponse? Result,
    IReadOnlyList<InputResponse> Inputs,
    JobErrorResponse? Error,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>
    /// A queued job waiting out its back-off after a retryable failure (a provider's outage) starts again no earlier than this.
    /// </summary>
    public DateTimeOffset? RetryAt { get; init; }
}

/// <summary>
/// The request as the job runs it: every field, defaults filled in, the seed recorded. <c>parameters</c> holds the
/// model's own parameters beyond these fields (a size, num_frames, guidance_scale, ...); absent for a model without any.
/// </summary>
public sealed record RequestEcho(
    string Model,
    string Prompt,
    string Mode,
    string Resolution,
    string AspectRatio,
    string Duration,
    bool Audio,
    string? Image,
    string? ImageEnd,
    string Style,
    string Thinking,
    string? NegativePrompt,
    int Seed,
    string? WebhookUrl)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Parameters { get; init; }
}

/// <summary>A price: a decimal string, its currency, and whether it is held, charged or released.</summary>
public sealed record CostResponse(string Amount, string Currency, string State);

/// <summary>
/// What the job produced. After <c>expires_at</c> the URLs answer 410; <c>outputs_expired</c> turns true once the files are deleted.
/// </summary>
public sealed record ResultResponse(IReadOnlyList<OutputResponse> Outputs, string? Thinking, DateTimeOffset ExpiresAt, bool OutputsExpired);

/// <summary>One output file. Video fields are null on the poster image, and role is null on the video.</summary>
public sealed record OutputResponse(
    string Type,
    string? Role,
    string Url,
    string ContentType,
    int Width,
    int Height,
    double? DurationSeconds,
    double? Fps,
    bool? HasAudio,
    long Bytes);

public sealed record InputResponse(
    string Role, string ContentType, int Width, int Height, long Bytes, int OriginalWidth, int OriginalHeight);

public sealed record JobErrorResponse(string Code, string Message);

/// <summary>A page of jobs, newest first.</summary>
public sealed record JobListResponse(string Object, IReadOnlyList<JobResponse> Data, bool HasMore, string? NextCursor);
