using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;
using Reelgate.Server.Features.Generations;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// The OpenAI video protocol over the same jobs: POST/GET /v1/videos, GET/DELETE /v1/videos/{video_id},
/// GET /v1/videos/{video_id}/content and POST /v1/videos/{video_id}/remix. A video id is a job id: a job made
/// on either API is visible on both, billed, limited and announced by webhooks the same way.
/// </summary>
public static class OpenAiVideosApi
{
    public const string Tag = "OpenAI video protocol";
    private static readonly string[] Variants = ["video", "thumbnail", "spritesheet"];

    public static RouteGroupBuilder MapOpenAiVideos(this RouteGroupBuilder v1)
    {
        var videos = v1.MapGroup("/videos").WithTags(Tag);
        videos.MapPost("", CreateAsync)
            .WithName("CreateVideo").WithSummary("Create a video (OpenAI video protocol)")
            .WithDescription("JSON or multipart/form-data with an input_reference image file. size and seconds map onto the model's "
                + "resolution, aspect_ratio and duration; the model's other parameters may be sent as extra fields. Billing, limits "
                + "and Idempotency-Key as POST /v1/videos/generations.")
            .Accepts<VideoCreateRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        videos.MapGet("", ListAsync)
            .WithName("ListVideos").WithSummary("List the key's videos (OpenAI video protocol)");
        videos.MapGet("/{video_id}", GetAsync)
            .WithName("GetVideo").WithSummary("Get a video (OpenAI video protocol)");
        videos.MapDelete("/{video_id}", DeleteAsync)
            .WithName("DeleteVideo")
            .WithSummary("Delete a finished video's files; its record and ledger stay (OpenAI video protocol)");
        videos.MapGet("/{video_id}/content", ContentAsync)
            .WithName("DownloadVideoContent")
            .WithSummary("Download the video, its thumbnail or its spritesheet (Range supported; OpenAI video protocol)")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4")
            .Produces(StatusCodes.Status206PartialContent, contentType: "video/mp4");
        videos.MapPost("/{video_id}/remix", RemixAsync)
            .WithName("RemixVideo")
            .WithSummary("A new video from a completed one's settings and a new prompt (OpenAI video protocol)")
            .Accepts<VideoRemixRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        return v1;
    }

    [ProducesErrors(400, 402, 409, 413, 415, 429)]
    private static async Task<Results<Ok<VideoResponse>, ErrorResult>> CreateAsync(
        HttpContext http, [AsParameters] VideoServices services, CancellationToken cancellationToken)
    {
        var idempotencyKey = GenerationsApi.ReadIdempotencyKey(http.Request);
        if (!idempotencyKey.Succeeded)
        {
            return VideoErrors.From(idempotencyKey.Failure);
        }

        var read = await services.Reader.ReadAsync(http.Request, allowFile: true, cancellationToken);
        if (!read.Succeeded)
        {
            return VideoErrors.From(read.Failure);
        }

        using var form = read.Value;
        string? uploaded = null;
        if (form.ReferenceFile is { } file)
        {
            var stored = await services.Uploads.StoreAsync(file, http.User.KeyId(), cancellationToken);
            if (!stored.Succeeded)
            {
                return VideoErrors.From(stored.Failure);
            }

            uploaded = stored.Value;
        }

        var seedBody = services.Translator.ToSeedBody(form, uploaded);
        if (!seedBody.Succeeded)
        {
            return VideoErrors.From(seedBody.Failure);
        }

        return await SubmitAsync(http, services, seedBody.Value, null, idempotencyKey.Value, form.Hash, cancellationToken);
    }

    [ProducesErrors(400, 402, 404, 409, 413, 415, 429)]
    private static async Task<Results<Ok<VideoResponse>, ErrorResult>> RemixAsync(
        [FromRoute(Name = "video_id")] string videoId, HttpContext http, [AsParameters] VideoServices services,
        CancellationToken cancellationToken)
    {
        var idempotencyKey = GenerationsApi.ReadIdempotencyKey(http.Request);
        if (!idempotencyKey.Succeeded)
        {
            return VideoErrors.From(idempotencyKey.Failure);
        }

        var source = await FindOwnAsync(videoId, http, services.Jobs, cancellationToken);
        if (source is null)
        {
            return VideoErrors.NotFound(videoId);
        }

        if (source.Status != JobStatus.Completed)
        {
            return VideoErrors.Invalid("video_id", "video_not_completed",
                $"video {videoId} is {VideoResponseMapper.StatusOf(source.Status)}; only a completed video can be remixed");
        }

        var read = await services.Reader.ReadAsync(http.Request, allowFile: false, cancellationToken);
        if (!read.Succeeded)
        {
            return VideoErrors.From(read.Failure);
        }

        using var form = read.Value;
        if (form.Fields["prompt"] is not { } prompt || prompt.GetValueKind() != JsonValueKind.String)
        {
            return VideoErrors.Invalid("prompt", form.Fields["prompt"] is null ? "missing_parameter" : "invalid_type",
                "prompt is required and must be a string");
        }

        var body = VideoRequestTranslator.RemixBody(source.Request, prompt.GetValue<string>());
        foreach (var (name, value) in form.Fields)
        {
            if (name is "webhook_url" or "metadata")
            {
                body[name] = value?.DeepClone();
            }
            else if (name != "prompt")
            {
                return VideoErrors.Invalid(name, "unknown_parameter",
                    $"{Failure.Printable(name)} cannot be changed by a remix; send prompt (and webhook_url or metadata)");
            }
        }

        return await SubmitAsync(http, services, body, source.Id, idempotencyKey.Value, form.Hash, cancellationToken);
    }

    private static async Task<Results<Ok<VideoResponse>, ErrorResult>> SubmitAsync(
        HttpContext http, VideoServices services, JsonObject seedBody, string? remixedFrom, string? idempotencyKey, string hash,
        CancellationToken cancellationToken)
    {
        var planned = services.Planner.Plan(JsonSerializer.SerializeToElement(seedBody));
        if (!planned.Succeeded)
        {
            var model = seedBody["model"]?.GetValue<string>() is { } id ? services.Catalog.Find(id) : null;
            return VideoErrors.From(model is null ? planned.Failure : VideoParameterMap.For(model).Explain(planned.Failure, seedBody));
        }

        var submitted = await services.Submissions.SubmitAsync(
            planned.Value with { RemixedFrom = remixedFrom }, http.ApiKey(), idempotencyKey, hash, cancellationToken);
        if (!submitted.Succeeded)
        {
            return VideoErrors.From(submitted.Failure);
        }

        switch (submitted.Value)
        {
            case SubmitOutcome.Accepted accepted:
                http.Response.Headers.Location = $"/v1/videos/{accepted.Job.Id}";
                return TypedResults.Ok(services.Mapper.Map(accepted.Job));
            case SubmitOutcome.Replayed replayed:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                http.Response.Headers.Location = $"/v1/videos/{replayed.Job.Id}";
                return TypedResults.Ok(services.Mapper.Map(replayed.Job));
            default:
                return VideoErrors.From(GenerationsApi.RefusalOf(submitted.Value, services.Time.GetUtcNow()));
        }
    }

    [ProducesErrors(404)]
    private static async Task<Results<Ok<VideoResponse>, ErrorResult>> GetAsync(
        [FromRoute(Name = "video_id")] string videoId, HttpContext http, IJobStore jobs, VideoResponseMapper mapper,
        CancellationToken cancellationToken)
    {
        var job = await FindOwnAsync(videoId, http, jobs, cancellationToken);
        return job is null ? VideoErrors.NotFound(videoId) : TypedResults.Ok(mapper.Map(job));
    }

    [ProducesErrors(400)]
    private static async Task<Results<Ok<VideoListResponse>, ErrorResult>> ListAsync(
        HttpContext http, IJobStore jobs, VideoResponseMapper mapper, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (!PageLimit.TryRead(query, out var limit))
        {
            return VideoErrors.Invalid("limit", "invalid_value", PageLimit.Problem);
        }

        var order = query.TryGetValue("order", out var orderText) ? orderText.ToString() : "desc";
        if (order is not ("asc" or "desc"))
        {
            return VideoErrors.Invalid("order", "invalid_value", "order must be asc or desc");
        }

        string? after = query.TryGetValue("after", out var afterText) ? afterText.ToString() : null;
        var invalidCursor = VideoErrors.Invalid("after", "invalid_cursor",
            "after must be the id of a video of this key (the last_id of a previous page)");
        if (after is not null && !Ids.IsWellFormed(after, Ids.JobPrefix))
        {
            return invalidCursor;
        }

        var wanted = new JobQuery(http.User.KeyId(), limit, after, null) { OldestFirst = order == "asc" };
        var page = await jobs.ListAsync(wanted, cancellationToken);
        if (page is null)
        {
            return invalidCursor;
        }

        var data = page.Items.Select(mapper.Map).ToList();
        return TypedResults.Ok(new VideoListResponse("list", data, data.FirstOrDefault()?.Id, data.LastOrDefault()?.Id, page.HasMore));
    }

    [ProducesErrors(400, 404)]
    private static async Task<Results<Ok<VideoDeletedResponse>, ErrorResult>> DeleteAsync(
        [FromRoute(Name = "video_id")] string videoId, HttpContext http, [AsParameters] VideoDeleteServices services,
        CancellationToken cancellationToken)
    {
        var job = await FindOwnAsync(videoId, http, services.Jobs, cancellationToken);
        if (job is null)
        {
            return VideoErrors.NotFound(videoId);
        }

        if (!job.Status.IsFinal())
        {
            return VideoErrors.Invalid("video_id", "video_not_finished",
                $"video {videoId} is {VideoResponseMapper.StatusOf(job.Status)}; only a completed or failed video can be deleted "
                + $"(cancel it with POST /v1/jobs/{videoId}/cancel)");
        }

        await services.Blobs.DeletePrefixAsync($"outputs/{job.Id}/", cancellationToken);
        await services.Blobs.DeletePrefixAsync(SubmissionService.InputPrefix(job.Id), cancellationToken);
        if (job.OutputsDeletedAt is null)
        {
            await services.Retention.MarkOutputsDeletedAsync(job.Id, services.Time.GetUtcNow(), cancellationToken);
        }

        return TypedResults.Ok(new VideoDeletedResponse(job.Id, "video.deleted", true));
    }

    [ProducesErrors(400, 404)]
    private static async Task<Results<FileStreamHttpResult, ErrorResult>> ContentAsync(
        [FromRoute(Name = "video_id")] string videoId, HttpContext http, IJobStore jobs, IBlobStore blobs, SpritesheetMaker spritesheets,
        CancellationToken cancellationToken)
    {
        var variant = http.Request.Query.TryGetValue("variant", out var variantText) ? variantText.ToString() : "video";
        if (!Variants.Contains(variant, StringComparer.Ordinal))
        {
            return VideoErrors.Invalid("variant", "invalid_value", $"variant must be one of {string.Join(", ", Variants)}");
        }

        var job = await FindOwnAsync(videoId, http, jobs, cancellationToken);
        if (job is null)
        {
            return VideoErrors.NotFound(videoId);
        }

        if (job.Status != JobStatus.Completed || job.Result is null)
        {
            return VideoErrors.Invalid("video_id", "video_not_ready",
                $"video {videoId} is {VideoResponseMapper.StatusOf(job.Status)}; its content is there once it is completed");
        }

        var gone = VideoErrors.From(new Failure(FailureKind.NotFound, "video_content_deleted",
            $"the files of video {videoId} were deleted (by DELETE or after their retention period)", "video_id"));
        if (job.OutputsDeletedAt is not null)
        {
            return gone;
        }

        var video = job.Result.Outputs.FirstOrDefault(o => o.Type == JobOutput.VideoType);
        var blob = variant switch
        {
            "thumbnail" => job.Result.Outputs.FirstOrDefault(o => o.Role == JobOutput.PosterRole) is { } poster
                ? await blobs.OpenReadAsync(poster.BlobKey, cancellationToken) : null,
            "spritesheet" => video is null ? null : await spritesheets.OpenAsync(job.Id, video, cancellationToken),
            _ => video is null ? null : await blobs.OpenReadAsync(video.BlobKey, cancellationToken),
        };
        if (blob is null)
        {
            return gone;
        }

        http.Response.Headers.CacheControl = "private, max-age=3600";
        var etag = new EntityTagHeaderValue($"\"{blob.Length:x}-{blob.LastModified.ToUnixTimeSeconds():x}\"");
        return TypedResults.Stream(
            blob.Stream, blob.ContentType, fileDownloadName: null, blob.LastModified, etag, enableRangeProcessing: true);
    }

    private static async Task<Job?> FindOwnAsync(string videoId, HttpContext http, IJobStore jobs, CancellationToken cancellationToken)
    {
        if (!Ids.IsWellFormed(videoId, Ids.JobPrefix))
        {
            return null;
        }

        var job = await jobs.GetAsync(videoId, cancellationToken);
        return job is not null && string.Equals(job.KeyId, http.User.KeyId(), StringComparison.Ordinal) ? job : null;
    }
}
