using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>
/// SGLang Diffusion's /v1/videos, from python/sglang/multimodal_gen/runtime/entrypoints/openai/video_api.py and
/// protocol.py: a JSON body read into VideoGenerationsRequest (400 "Invalid request body: ..." when it does not fit), or,
/// for image-to-video, multipart with prompt and an input_reference file both required (400), the form fields
/// model, seconds, size, fps, num_frames, and extra_body (JSON) for the rest. Answers the job queued; a job ends
/// "completed" with progress 100 (or "failed" with error.message); DELETE pops the job and answers it "deleted".
/// </summary>
public sealed class SglangVideoFake(string video) : OpenAiVideoFake(video)
{
    public static readonly IReadOnlyDictionary<string, FieldRule> JsonFields = new[]
    {
        new FieldRule("prompt", "str"), new FieldRule("input_reference", "str"), new FieldRule("model", "str"),
        new FieldRule("seconds", "int"), new FieldRule("size", "str"), new FieldRule("fps", "int"), new FieldRule("num_frames", "int"),
        new FieldRule("seed", "int"), new FieldRule("negative_prompt", "str"), new FieldRule("num_inference_steps", "int"),
        new FieldRule("guidance_scale", "float"), new FieldRule("guidance_scale_2", "float"), new FieldRule("true_cfg_scale", "float"),
        new FieldRule("flow_shift", "float"), new FieldRule("max_sequence_length", "int"), new FieldRule("enable_teacache", "bool"),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    private static readonly string[] FormFields = ["prompt", "model", "seconds", "size", "fps", "num_frames", "extra_body"];

    protected override string IdPrefix => "sgl-";

    protected override async Task<IResult> CreateAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            return await CreateFromFormAsync(context);
        }

        JsonObject body;
        try
        {
            body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            return Detail(400, "Invalid request body: not a JSON object");
        }

        if (Problem(body) is { } problem)
        {
            return Detail(400, "Invalid request body: " + problem);
        }

        return Results.Json(VideoObject(Accept(body), "queued", 0));
    }

    private async Task<IResult> CreateFromFormAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        foreach (var key in form.Keys.Where(k => !FormFields.Contains(k)))
        {
            return Detail(400, $"{key}: not a form field of POST /v1/videos");
        }

        if (string.IsNullOrEmpty(form["prompt"]))
        {
            return Detail(400, "prompt is required");
        }

        if (form.Files.GetFile("input_reference") is not { } file || form.Files.Count != 1)
        {
            return Detail(400, "input_reference file is required");
        }

        var body = new JsonObject();
        foreach (var (key, value) in form.Where(f => f.Key != "extra_body"))
        {
            var rule = JsonFields[key];
            if (rule.CheckForm(value.ToString()) is { } problem)
            {
                return Results.Json(
                    new JsonObject
                    {
                        ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body", key), ["msg"] = problem }),
                    },
                    statusCode: 422);
            }

            body[key] = value.ToString();
        }

        if (form["extra_body"].ToString() is { Length: > 0 } extraText)
        {
            var extra = JsonNode.Parse(extraText)!.AsObject();
            if (Problem(extra, requirePrompt: false) is { } problem)
            {
                return Detail(400, "Invalid request body: " + problem);
            }

            body["extra_body"] = extra.DeepClone();
        }

        await using var stream = file.OpenReadStream();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, context.RequestAborted);
        Uploads.Add(new RecordedUpload(file.Name, file.FileName, file.ContentType, bytes.ToArray()));
        body["input_reference"] = file.FileName;
        return Results.Json(VideoObject(Accept(body), "queued", 0));
    }

    private static string? Problem(JsonObject body, bool requirePrompt = true)
    {
        if (requirePrompt && body["prompt"] is null)
        {
            return "prompt: Field required";
        }

        foreach (var (key, value) in body)
        {
            if (!JsonFields.TryGetValue(key, out var rule))
            {
                return $"{key}: Extra inputs are not permitted";
            }

            if (rule.Check(value) is { } problem)
            {
                return $"{key}: {problem}";
            }
        }

        return null;
    }

    protected override JsonObject VideoObject(FakeJob job, string status, int progress) => new()
    {
        ["id"] = job.Id,
        ["object"] = "video",
        ["model"] = job.Body["model"]?.DeepClone() ?? "Wan-AI/Wan2.2-T2V-A14B-Diffusers",
        // SGLang reports queued until the job ends: it has no in_progress.
        ["status"] = status == "in_progress" ? "queued" : status,
        ["progress"] = status == "completed" ? 100 : 0,
        ["created_at"] = Now,
        ["size"] = job.Body["size"]?.ToString() ?? "",
        ["seconds"] = "5",
        ["quality"] = "standard",
        ["completed_at"] = status == "completed" ? Now : null,
    };

    protected override JsonObject Failed(JsonObject video)
    {
        video["error"] = new JsonObject { ["message"] = "CUDA out of memory" };
        return video;
    }

    protected override JsonObject Deletion(FakeJob job)
    {
        var video = VideoObject(job, "queued", 0);
        video["status"] = "deleted";
        return video;
    }
}
