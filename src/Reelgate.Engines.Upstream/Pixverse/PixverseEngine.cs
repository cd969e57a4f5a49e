using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Imaging.Fitting;
using static Reelgate.Engines.Upstream.Jobs.ProviderAnswers;

namespace Reelgate.Engines.Upstream.Pixverse;

/// <summary>
/// PixVerse's own platform API. Images are uploaded first (each fitted to the requested aspect ratio, since the
/// image routes take none); i2v with an end frame goes to the transition route. Every call carries the key and a
/// trace id; the submission's (and each upload's) trace id is a UUID v5 of Reelgate's job id, so PixVerse
/// recognises a submission repeated after a crash.
/// </summary>
public sealed class PixverseEngine(IOptions<PixverseOptions> options, UpstreamRuntime runtime, ILogger<PixverseEngine> logger)
    : UpstreamEngine(EngineName, "PixVerse", options.Value, runtime, logger)
{
    public const string EngineName = "pixverse";

    /// <summary>PixVerse recognises a repeated submission by its Ai-trace-id (the seed's reading; see docs/upstreams.md).</summary>
    protected override bool DedupesSubmissions => true;

    protected override string SettingsSection => PixverseOptions.SectionName;

    public override Failure? CheckSupport(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ProviderModel(spec.Model, PixverseMapping.Models) is null
            ? Unsupported("model", $"model {spec.Model}")
            : null;
    }

    protected override async Task<SubmitResult> SubmitAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var body = new JsonObject
        {
            ["prompt"] = spec.Prompt,
            ["model"] = ProviderModel(spec.Model, PixverseMapping.Models),
            ["quality"] = spec.Resolution,
            ["duration"] = spec.DurationSeconds,
            ["seed"] = spec.Seed,
            ["motion_mode"] = PixverseMapping.MotionMode,
            [PixverseMapping.AudioField] = spec.Audio,
            [PixverseMapping.ThinkingField] = spec.Thinking,
        };
        SpecFields.AddOptional(body, spec);

        var multiClip = PixverseMapping.MultiClipModels.Contains((string)body["model"]!);
        string path;
        if (!spec.IsImageToVideo)
        {
            path = PixverseMapping.TextPath;
            body["aspect_ratio"] = spec.AspectRatio;
            if (multiClip)
            {
                body[PixverseMapping.MultiClipField] = false;
            }
        }
        else
        {
            var start = job.Images.FirstOrDefault(i => i.Role == "image");
            if (start is null)
            {
                return new SubmitResult.Refused(
                    new Core.Jobs.JobError("missing_image", "image to video needs an input image; none reached the engine"), false);
            }

            var end = job.Images.FirstOrDefault(i => i.Role == "image_end");
            var first = await UploadAsync(job, start, cancellationToken);
            if (first.Refused is not null)
            {
                return first.Refused;
            }

            if (end is null)
            {
                path = PixverseMapping.ImagePath;
                body["img_id"] = first.ImageId;
                if (multiClip)
                {
                    body[PixverseMapping.MultiClipField] = false;
                }
            }
            else
            {
                var last = await UploadAsync(job, end, cancellationToken);
                if (last.Refused is not null)
                {
                    return last.Refused;
                }

                path = PixverseMapping.TransitionPath;
                body[PixverseMapping.FirstFrameField] = first.ImageId;
                body[PixverseMapping.LastFrameField] = last.ImageId;
            }
        }

        using var request = Request(HttpMethod.Post, path, TraceIds.ForJob(job.JobId));
        request.Content = JsonContent.Create(body);
        var response = await Http.SendAsync(request, "submit", cancellationToken);
        var envelope = PixverseEnvelope.Read(response);
        if (response.IsSuccess && envelope is { Succeeded: true } && envelope.Resp!.Value.Text("video_id") is { Length: > 0 } videoId)
        {
            return new SubmitResult.Accepted(new UpstreamHandle(videoId, Time.GetUtcNow()));
        }

        return RefuseAnswer(response, envelope, "submit");
    }

    protected override async Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, PixverseMapping.ResultPathPrefix + Uri.EscapeDataString(handle.Id), Guid.NewGuid());
        var response = await Http.SendAsync(request, "poll", cancellationToken);
        if (IsTransientStatus(response))
        {
            return TransientPoll(response);
        }

        var envelope = PixverseEnvelope.Read(response);
        if (envelope is null)
        {
            return response.IsSuccess ? TransientPoll(response, "a malformed answer")
                : new PollResult.Failed(ErrorFromStatus(response, null, null));
        }

        if (envelope.ErrCode != 0 || envelope.Resp is not { } resp)
        {
            return envelope.Error.Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.Unavailable
                ? new PollResult.Transient($"ErrCode {envelope.ErrCode.ToString(CultureInfo.InvariantCulture)}")
                : new PollResult.Failed(envelope.Error);
        }

        return resp.Integer("status") switch
        {
            PixverseMapping.StatusDone => resp.Url("url") is { } url
                ? new PollResult.Succeeded(url)
                : new PollResult.Failed(new ProviderError(
                    ProviderErrorKind.Unknown, "status 1", "the video is done but its answer has no url")),
            PixverseMapping.StatusModerated => new PollResult.Failed(
                new ProviderError(ProviderErrorKind.Moderation, "status 7", envelope.ErrMsg is "success" ? null : envelope.ErrMsg)),
            PixverseMapping.StatusFailed =>
                new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, "status 8", "the generation failed")),
            PixverseMapping.StatusDeleted =>
                new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, "status 6", "the video was deleted")),
            PixverseMapping.StatusGenerating => new PollResult.Pending(),
            null => TransientPoll(response, "an answer without a status"),
            { } unknown => new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown,
                "status " + unknown.ToString(CultureInfo.InvariantCulture), "a status Reelgate does not know")),
        };
    }

    private async Task<(long ImageId, SubmitResult? Refused)> UploadAsync(
        RenderJob job, RenderInput input, CancellationToken cancellationToken)
    {
        var fitted = await ImageFitter.FitAsync(input, job.Spec.AspectRatio, Path.Combine(job.WorkDirectory, "fitted"), cancellationToken);

        // Buffered (at most the normaliser's 10 MiB) so a retried upload sends the same bytes again.
        var bytes = await File.ReadAllBytesAsync(fitted.Path, cancellationToken);
        using var request = Request(HttpMethod.Post, PixverseMapping.UploadPath, TraceIds.ForJob(job.JobId, "upload:" + input.Role));
        request.Content = FileUploadForm.Create(
            bytes, fitted.ContentType, PixverseMapping.UploadField, input.Role + Path.GetExtension(fitted.Path));
        var response = await Http.SendAsync(request, "upload", cancellationToken);
        var envelope = PixverseEnvelope.Read(response);
        if (response.IsSuccess && envelope is { Succeeded: true } && envelope.Resp!.Value.Integer("img_id") is { } imageId)
        {
            return (imageId, null);
        }

        return (0, RefuseAnswer(response, envelope, "upload"));
    }

    private SubmitResult.Refused RefuseAnswer(ProviderResponse response, PixverseEnvelope? envelope, string step)
    {
        if (envelope is { ErrCode: not 0 })
        {
            return Refuse(response, envelope.Error);
        }

        return response.IsSuccess ? RefuseMalformed(response, step) : Refuse(response, ErrorFromStatus(response, null, null));
    }

    private HttpRequestMessage Request(HttpMethod method, string path, Guid traceId)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(PixverseMapping.KeyHeader, Options.ApiKey);
        request.Headers.TryAddWithoutValidation(PixverseMapping.TraceHeader, traceId.ToString());
        return request;
    }
}
