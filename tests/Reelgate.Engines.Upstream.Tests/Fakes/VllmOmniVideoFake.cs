using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// vLLM-Omni's /v1/videos, from vllm_omni/entrypoints/openai/protocol/videos.py (VideoGenerationRequest, VideoResponse,
/// VideoDeleteResponse): multipart form fields only (422 with FastAPI's detail list when one does not fit: seconds a
/// digit string, size WxH, num_inference_steps 1-200, guidance_scale 0-20), the image as input_reference. Statuses
/// queued, in_progress (with progress), completed, failed (error {code, message}); DELETE answers video.deleted.
/// </summary>
public sealed class VllmOmniVideoFake(string video) : OpenAiVideoFake(video)
{
    public static readonly IReadOnlyDictionary<string, FieldRule> Fields = new[]
    {
        new FieldRule("prompt", "str"), new FieldRule("model", "str"), new FieldRule("user", "str"),
        new FieldRule("seconds", "str", Pattern: "^[1-9][0-9]*$"), new FieldRule("size", "str", Pattern: "^[0-9]+x[0-9]+$"),
        new FieldRule("width", "int", Min: 1), new FieldRule("height", "int", Min: 1), new FieldRule("fps", "int", Min: 1),
        new FieldRule("num_frames", "int", Min: 1), new FieldRule("negative_prompt", "str"),
        new FieldRule("num_inference_steps", "int", Min: 1, Max: 200), new FieldRule("guidance_scale", "float", Min: 0, Max: 20),
        new FieldRule("guidance_scale_2", "float", Min: 0, Max: 20), new FieldRule("boundary_ratio", "float", Min: 0, Max: 1),
        new FieldRule("flow_shift", "float"), new FieldRule("true_cfg_scale", "float", Min: 0, Max: 20), new FieldRule("seed", "int"),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    protected override string IdPrefix => "video_gen_";

    protected override async Task<IResult> CreateAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return Invalid("prompt", "Field required");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var body = new JsonObject();
        foreach (var (key, value) in form)
        {
            if (!Fields.TryGetValue(key, out var rule))
            {
                return Invalid(key, "Extra inputs are not permitted");
            }

            if (rule.CheckForm(value.ToString()) is { } problem)
            {
                return Invalid(key, problem);
            }

            body[key] = value.ToString();
        }

        if (body["prompt"] is null)
        {
            return Invalid("prompt", "Field required");
        }

        foreach (var file in form.Files)
        {
            if (file.Name != "input_reference")
            {
                return Invalid(file.Name, "Extra inputs are not permitted");
            }

            await using var stream = file.OpenReadStream();
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, context.RequestAborted);
            Uploads.Add(new RecordedUpload(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
            body["input_reference"] = file.FileName;
        }

        return Results.Json(VideoObject(Accept(body), "queued", 0));
    }

    private static IResult Invalid(string field, string message) =>
        Results.Json(new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject
            {
                ["type"] = "value_error",
                ["loc"] = new JsonArray("body", field),
                ["msg"] = message,
            }),
        }, statusCode: 422);

    protected override JsonObject VideoObject(FakeJob job, string status, int progress) => new()
    {
        ["id"] = job.Id,
        ["object"] = "video",
        ["model"] = job.Body["model"]?.DeepClone() ?? "Wan-AI/Wan2.2-T2V-A14B-Diffusers",
        ["prompt"] = job.Body["prompt"]!.DeepClone(),
        ["status"] = status,
        ["progress"] = progress,
        ["size"] = job.Body["size"]?.DeepClone(),
        ["seconds"] = job.Body["seconds"]?.DeepClone() ?? "4",
        ["quality"] = "default",
        ["created_at"] = Now,
        ["completed_at"] = status == "completed" ? Now : null,
        ["media_type"] = "video/mp4",
        ["error"] = null,
    };

    protected override JsonObject Deletion(FakeJob job) => new() { ["id"] = job.Id, ["deleted"] = true, ["object"] = "video.deleted" };
}
