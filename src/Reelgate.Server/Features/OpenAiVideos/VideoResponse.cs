namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// The OpenAI video protocol's video object: a job seen through that protocol. Times are Unix seconds; <c>size</c>
/// is "WIDTHxHEIGHT" and <c>seconds</c> a string, as the protocol's clients read them.
/// </summary>
public sealed record VideoResponse(
    string Id,
    string Object,
    string Model,
    string Status,
    int Progress,
    long CreatedAt,
    long? CompletedAt,
    long? ExpiresAt,
    string? Prompt,
    string Size,
    string Seconds,
    string? RemixedFromVideoId,
    VideoErrorResponse? Error);

/// <summary>Why a video failed (or was cancelled): a code and a sentence.</summary>
public sealed record VideoErrorResponse(string Code, string Message);

/// <summary>A page of videos: the protocol's list envelope.</summary>
public sealed record VideoListResponse(string Object, IReadOnlyList<VideoResponse> Data, string? FirstId, string? LastId, bool HasMore);

/// <summary>The answer to DELETE /v1/videos/{video_id}.</summary>
public sealed record VideoDeletedResponse(string Id, string Object, bool Deleted);
