using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Engines.Upstream.Media;
using static Reelgate.Engines.Upstream.Jobs.ProviderAnswers;

namespace Reelgate.Engines.Upstream.EmpirioLabs;

/// <summary>
/// EmpirioLabs, the seed's own service, or any Reelgate: the request is Reelgate's own parameter table, sent
/// with an Idempotency-Key equal to Reelgate's job id (a Reelgate upstream honours it; EmpirioLabs documents none,
/// so a submission whose answer was lost is not sent again unless ResubmitWhenUncertain says so). Images go as data URIs of the normalised
/// bytes, or as ids of uploads made first.
/// </summary>
public sealed class EmpirioLabsEngine(IOptions<EmpirioLabsOptions> options, UpstreamRuntime runtime, ILogger<EmpirioLabsEngine> logger)
    : UpstreamEngine(EngineName, "EmpirioLabs", options.Value, runtime, logger)
{
    public const string EngineName = "empiriolabs";
    private readonly EmpirioLabsOptions _options = options.Value;

    protected override string SettingsSection => EmpirioLabsOptions.SectionName;

    public override Failure? CheckSupport(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return ProviderModel(spec.Model, EmpirioLabsMapping.Models) is null ? Unsupported("model", $"model {spec.Model}") : null;
    }

    protected override async Task<SubmitResult> SubmitAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var body = new JsonObject
        {
            ["model"] = ProviderModel(spec.Model, EmpirioLabsMapping.Models),
            ["prompt"] = spec.Prompt,
            ["mode"] = spec.Mode,
            ["resolution"] = spec.Resolution,
            ["aspect_ratio"] = spec.AspectRatio,
            ["duration"] = spec.Duration,
            ["audio"] = spec.Audio,
            ["style"] = spec.Style,
            ["thinking"] = spec.Thinking,
            ["seed"] = spec.Seed,
        };
        if (spec.NegativePrompt is not null)
        {
            body["negative_prompt"] = spec.NegativePrompt;
        }

        foreach (var input in job.Images)
        {
            var (reference, refused) = await ImageReferenceAsync(job, input, cancellationToken);
            if (refused is not null)
            {
                return refused;
            }

            body[input.Role] = reference;
        }

        using var request = BearerRequest(HttpMethod.Post, EmpirioLabsMapping.SubmitPath);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", job.JobId);
        request.Content = JsonContent.Create(body);
        var response = await Http.SendAsync(request, "submit", cancellationToken);
        if (response.IsSuccess)
        {
            return ProviderJson.ParseObject(response.Body)?.Text("job_id") is { Length: > 0 } id
                ? new SubmitResult.Accepted(new UpstreamHandle(id, Time.GetUtcNow()))
                : RefuseMalformed(response, "submit");
        }

        return Refuse(response, ErrorOf(response));
    }

    protected override async Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request = BearerRequest(HttpMethod.Get, EmpirioLabsMapping.JobPathPrefix + Uri.EscapeDataString(handle.Id));
        var polled = await PollStatusAsync(request, ErrorOf, cancellationToken);
        if (polled.Settled is { } settled)
        {
            return settled;
        }

        var (job, status) = (polled.Body, polled.Status);
        if (EmpirioLabsMapping.DoneStatuses.Contains(status))
        {
            return EmpirioLabsMapping.OutputUrl(job) is { } url
                ? new PollResult.Succeeded(url)
                : new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, status, "the job finished without an output URL"));
        }

        if (status == EmpirioLabsMapping.StatusFailed)
        {
            var code = job.Property("error")?.Text("code");
            var message = job.Property("error")?.Text("message");
            var kind = code is not null && EmpirioLabsMapping.ModerationCodes.Contains(code) ? ProviderErrorKind.Moderation
                : ProviderErrorKind.Unknown;
            return new PollResult.Failed(new ProviderError(kind, code, message));
        }

        return EmpirioLabsMapping.CancelledStatuses.Contains(status)
            ? new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, status, "the job was cancelled upstream"))
            : new PollResult.Pending(EmpirioLabsMapping.ProgressPercent(job));
    }

    private async Task<(string? Reference, SubmitResult? Refused)> ImageReferenceAsync(
        RenderJob job, RenderInput input, CancellationToken cancellationToken)
    {
        if (_options.ImageTransport == EmpirioLabsImageTransport.DataUri)
        {
            return (await DataUris.FromFileAsync(input.Path, input.ContentType, cancellationToken), null);
        }

        var bytes = await File.ReadAllBytesAsync(input.Path, cancellationToken);
        using var request = BearerRequest(HttpMethod.Post, EmpirioLabsMapping.UploadPath);
        request.Content = FileUploadForm.Create(
            bytes, input.ContentType, EmpirioLabsMapping.UploadField, input.Role + Path.GetExtension(input.Path));
        var response = await Http.SendAsync(request, "upload", cancellationToken);
        if (response.IsSuccess && ProviderJson.ParseObject(response.Body)?.Text("id") is { Length: > 0 } id)
        {
            return (id, null);
        }

        return (null, RefuseStep(response, response.IsSuccess
            ? new ProviderError(ProviderErrorKind.Unknown, null, "the upload answer could not be read")
            : ErrorOf(response), "upload"));
    }

    /// <summary>Reelgate's error envelope {"error": {"type", "code", "message", "param"}}.</summary>
    private static ProviderError ErrorOf(ProviderResponse response)
    {
        var error = ProviderJson.ParseObject(response.Body)?.Property("error");
        var code = error is { ValueKind: JsonValueKind.Object } e ? e.Text("code") : null;
        var message = error is { ValueKind: JsonValueKind.Object } m ? m.Text("message") : null;
        var type = error is { ValueKind: JsonValueKind.Object } t ? t.Text("type") : null;
        var byStatus = ErrorFromStatus(response, code, message);
        if (code is not null && EmpirioLabsMapping.ModerationCodes.Contains(code))
        {
            return byStatus with { Kind = ProviderErrorKind.Moderation };
        }

        return type == "insufficient_credits" ? byStatus with { Kind = ProviderErrorKind.InsufficientBalance } : byStatus;
    }
}
