using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// What each server takes in POST /v1/videos, read from its source (docs/gpu.md cites the files):
/// <list type="bullet">
/// <item><c>sglang</c>: a JSON body (VideoGenerationsRequest): prompt, model, size "WxH", seconds or num_frames (integers),
/// fps, seed, negative_prompt, num_inference_steps, guidance_scale and its other sampler fields; image-to-video is
/// multipart with the image as <c>input_reference</c>, the form fields prompt, model, size, seconds, fps, num_frames, and
/// the rest as JSON in <c>extra_body</c>.</item>
/// <item><c>vllm-omni</c>: multipart form fields (VideoGenerationRequest): prompt, model, size, seconds (a string),
/// num_frames, fps, seed, negative_prompt, num_inference_steps (1-200), guidance_scale (0-20) and its Wan fields;
/// the image as <c>input_reference</c>.</item>
/// <item><c>openai</c>: multipart with prompt, model, size, seconds and <c>input_reference</c> only.</item>
/// </list>
/// A card's own parameter is sent only when the dialect takes it; a request carrying one it does not take is refused.
/// </summary>
public sealed class OpenAiVideoDialect
{
    public const string Sglang = "sglang";
    public const string VllmOmni = "vllm-omni";
    public const string OpenAi = "openai";

    public static readonly IReadOnlyList<string> Names = [Sglang, VllmOmni, OpenAi];

    private static readonly string[] SglangSampler =
        ["num_inference_steps", "guidance_scale", "guidance_scale_2", "true_cfg_scale", "flow_shift", "max_sequence_length",
            "enable_teacache"];

    private static readonly string[] VllmSampler =
        ["num_inference_steps", "guidance_scale", "guidance_scale_2", "true_cfg_scale", "flow_shift", "boundary_ratio"];

    private OpenAiVideoDialect(string name, IReadOnlyList<string> sampler, bool jsonForText, bool secondsAsText, bool takesFrames,
        bool takesSeed)
    {
        Name = name;
        Sampler = sampler;
        JsonForText = jsonForText;
        SecondsAsText = secondsAsText;
        TakesFrames = takesFrames;
        TakesSeed = takesSeed;
    }

    public string Name { get; }

    /// <summary>The card parameters (beyond size, length, fps, seed, negative prompt) this server takes.</summary>
    public IReadOnlyList<string> Sampler { get; }

    /// <summary>Text-to-video goes as a JSON body (else multipart form).</summary>
    public bool JsonForText { get; }

    public bool SecondsAsText { get; }

    /// <summary>Takes num_frames, fps, seed and negative_prompt (openai takes none of them).</summary>
    public bool TakesFrames { get; }

    public bool TakesSeed { get; }

    public string DefaultHealthPath => Name == OpenAi ? "/v1/models" : "/health";

    public static OpenAiVideoDialect? Named(string? name) => name switch
    {
        Sglang => new OpenAiVideoDialect(
            Sglang, SglangSampler, jsonForText: true, secondsAsText: false, takesFrames: true, takesSeed: true),
        VllmOmni => new OpenAiVideoDialect(
            VllmOmni, VllmSampler, jsonForText: false, secondsAsText: true, takesFrames: true, takesSeed: true),
        OpenAi => new OpenAiVideoDialect(OpenAi, [], jsonForText: false, secondsAsText: true, takesFrames: false, takesSeed: false),
        _ => null,
    };

    /// <summary>The card's own parameter in a request that this server cannot take, or null.</summary>
    public string? Untakeable(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return (spec.Parameters?.Keys ?? Enumerable.Empty<string>()).Select(Untakeable).FirstOrDefault(name => name is not null);
    }

    /// <summary>The name back when this server cannot take a card parameter of that name, else null.</summary>
    public string? Untakeable(string name)
    {
        var shape = name is CardShape.Size or CardShape.Seconds || (TakesFrames && name is CardShape.NumFrames or CardShape.Fps);
        return shape || Sampler.Contains(name, StringComparer.Ordinal) ? null : name;
    }

    /// <summary>The fields of the request, in order, as (name, JSON value); the image goes separately.</summary>
    public IReadOnlyList<(string Name, JsonNode Value)> Fields(GenerationSpec spec, string? model)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var fields = new List<(string, JsonNode)> { ("prompt", spec.Prompt) };
        if (model is not null)
        {
            fields.Add(("model", model));
        }

        fields.Add(("size",
            spec.Size.Width.ToString(CultureInfo.InvariantCulture) + "x" + spec.Size.Height.ToString(CultureInfo.InvariantCulture)));
        if (TakesFrames && spec.Frames is { } frames)
        {
            fields.Add(("num_frames", frames));
        }
        else
        {
            fields.Add(("seconds", SecondsAsText ? spec.DurationSeconds.ToString(CultureInfo.InvariantCulture) : spec.DurationSeconds));
        }

        if (TakesFrames && spec.Fps is { } fps)
        {
            fields.Add(("fps", fps));
        }

        if (TakesSeed)
        {
            fields.Add(("seed", spec.Seed));
        }

        if (TakesFrames && spec.NegativePrompt is { } negative)
        {
            fields.Add(("negative_prompt", negative));
        }

        foreach (var name in Sampler)
        {
            if (spec.Parameter(name) is { } value)
            {
                fields.Add((name, JsonSerializer.SerializeToNode(value)!));
            }
        }

        return fields;
    }

    /// <summary>The POST /v1/videos body: JSON for sglang text-to-video, multipart otherwise (the image as input_reference).</summary>
    public HttpContent Body(GenerationSpec spec, string? model, RenderInput? image)
    {
        var fields = Fields(spec, model);
        if (image is null && JsonForText)
        {
            var json = new JsonObject();
            foreach (var (name, value) in fields)
            {
                json[name] = value;
            }

            return new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        var form = new MultipartFormDataContent();
        var extra = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (Name == Sglang && name is not ("prompt" or "model" or "size" or "seconds" or "fps" or "num_frames"))
            {
                extra[name] = value;
                continue;
            }

            form.Add(new StringContent(value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString()), name);
        }

        if (extra.Count > 0)
        {
            form.Add(new StringContent(extra.ToJsonString()), "extra_body");
        }

        if (image is not null)
        {
#pragma warning disable IDISP004 // the form owns and disposes the file content
            var file = new StreamContent(File.OpenRead(image.Path));
#pragma warning restore IDISP004
            file.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
            form.Add(file, "input_reference", "input" + Extension(image.ContentType));
        }

        return form;
    }

    private static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        _ => ".jpg",
    };
}
