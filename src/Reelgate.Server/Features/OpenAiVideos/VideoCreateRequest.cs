namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// POST /v1/videos as the OpenAPI document shows it. The handler reads the body itself (JSON or multipart), so
/// this record only describes it: the protocol's fields; the model's other parameters (mode, audio, style, seed,
/// negative_prompt, image_end, webhook_url, metadata...) may be sent beside them.
/// </summary>
/// <param name="Prompt">What the video shows.</param>
/// <param name="Model">A catalog model; the server's default (Reelgate:OpenAiVideos:DefaultModel) when absent.</param>
/// <param name="Size">
/// WIDTHxHEIGHT, one of the model's resolution × aspect ratio sizes (pixverse-v5-6: 640x360 … 1920x1080, 1080x1920...).
/// </param>
/// <param name="Seconds">One of the model's durations, e.g. "5", "8" or "10".</param>
/// <param name="InputReference">
/// An image file (multipart), or {"image_url": "https://... or data:image/..."} or {"file_id": "upl_..."}; makes the video image-to-video.
/// </param>
public sealed record VideoCreateRequest(string Prompt, string? Model, string? Size, string? Seconds, VideoInputReference? InputReference);

/// <summary>An image given by URL (or data URI) or by the id of an upload (POST /v1/uploads).</summary>
public sealed record VideoInputReference(string? ImageUrl, string? FileId);

/// <summary>POST /v1/videos/{video_id}/remix: the new prompt (webhook_url and metadata may come too).</summary>
public sealed record VideoRemixRequest(string Prompt);
