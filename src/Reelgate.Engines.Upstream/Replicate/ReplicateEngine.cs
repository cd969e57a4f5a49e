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

namespace Reelgate.Engines.Upstream.Replicate;

/// <summary>
/// Replicate's predictions API: create a prediction on the model, poll it by id. Images go as data URIs (fitted
/// to the requested aspect ratio). Replicate takes no idempotency key, so a creation is never retried unless it
/// surely did not happen (no connection, 429, 503).
/// </summary>
public sealed class ReplicateEngine(IOptions<ReplicateOptions> options, UpstreamRuntime runtime, ILogger<ReplicateEngine> logger)
    : UpstreamEngine(EngineName, "Replicate", options.Value, runtime, logger)
{
    public const string EngineName = "replicate";

    protected override string SettingsSection => ReplicateOptions.SectionName;

    public override Failure? CheckSupport(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (ProviderModel(spec.Model, ReplicateMapping.Models) is not { } model || model.Split('/').Length != 2)
        {
            return Unsupported("model", $"model {spec.Model}");
        }

        if (!string.Equals(spec.Style, "none", StringComparison.Ordinal) && ReplicateMapping.StyleField is null)
        {
            return Unsupported("style", $"style {spec.Style}");
        }

        if (spec.Audio && ReplicateMapping.AudioField is null)
        {
            return Unsupported("audio", "audio generation");
        }

        return !string.Equals(spec.Thinking, "auto", StringComparison.Ordinal) && ReplicateMapping.ThinkingField is null
            ? Unsupported("thinking", $"thinking {spec.Thinking}")
            : null;
    }

    protected override async Task<SubmitResult> SubmitAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var input = new JsonObject
        {
            ["prompt"] = spec.Prompt,
            [ReplicateMapping.ResolutionField] = spec.Resolution,
            ["aspect_ratio"] = spec.AspectRatio,
            ["duration"] = spec.DurationSeconds,
            ["seed"] = spec.Seed,
        };
        if (ReplicateMapping.AudioField is { } audio)
        {
            input[audio] = spec.Audio;
        }

        if (ReplicateMapping.ThinkingField is { } thinking)
        {
            input[thinking] = spec.Thinking;
        }

        SpecFields.AddOptional(input, spec, ReplicateMapping.StyleField);

        foreach (var image in job.Images)
        {
            input[image.Role == "image_end" ? ReplicateMapping.LastFrameField : ReplicateMapping.ImageField] =
                await DataUris.FittedAsync(job, image, cancellationToken);
        }

        var model = ProviderModel(spec.Model, ReplicateMapping.Models)!.Split('/');
        using var request =
            BearerRequest(HttpMethod.Post, $"v1/models/{Uri.EscapeDataString(model[0])}/{Uri.EscapeDataString(model[1])}/predictions");
        request.Content = JsonContent.Create(new JsonObject { ["input"] = input });
        var response = await Http.SendAsync(request, "submit", cancellationToken);
        if (!response.IsSuccess)
        {
            return Refuse(response, ErrorOf(response));
        }

        return ProviderJson.ParseObject(response.Body)?.Text("id") is { Length: > 0 } id
            ? new SubmitResult.Accepted(new UpstreamHandle(id, Time.GetUtcNow()))
            : RefuseMalformed(response, "submit");
    }

    protected override async Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request = BearerRequest(HttpMethod.Get, "v1/predictions/" + Uri.EscapeDataString(handle.Id));
        var polled = await PollStatusAsync(request, ErrorOf, cancellationToken);
        if (polled.Settled is { } settled)
        {
            return settled;
        }

        var (prediction, status) = (polled.Body, polled.Status);
        switch (status)
        {
            case ReplicateMapping.StatusSucceeded:
                return OutputUrl(prediction) is { } url
                    ? new PollResult.Succeeded(url)
                    : new PollResult.Failed(new ProviderError(
                        ProviderErrorKind.Unknown, status, "the prediction succeeded without an output URL"));
            case ReplicateMapping.StatusFailed:
                var error = prediction.Property("error") is { ValueKind: JsonValueKind.String } e ? e.GetString()
                    : prediction.ErrorMessage();
                return new PollResult.Failed(new ProviderError(
                    ReplicateMapping.IsModeration(error) ? ProviderErrorKind.Moderation : ProviderErrorKind.Unknown, status, error));
            case ReplicateMapping.StatusCanceled:
                return new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, status, "the prediction was canceled upstream"));
            default:
                return new PollResult.Pending();
        }
    }

    protected override async Task CancelAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request = BearerRequest(HttpMethod.Post, $"v1/predictions/{Uri.EscapeDataString(handle.Id)}/cancel");
        await SendCancelAsync(request, handle.Id, cancellationToken);
    }

    /// <summary>"output" is the video URL; a list of URLs gives its first.</summary>
    private static Uri? OutputUrl(JsonElement prediction) =>
        prediction.Property("output") switch
        {
            { ValueKind: JsonValueKind.String } => prediction.Url("output"),
            { ValueKind: JsonValueKind.Array } list => list.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.String && Uri.TryCreate(item.GetString(), UriKind.Absolute, out var u) ? u
                    : null)
                .FirstOrDefault(u => u is not null && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)),
            _ => null,
        };

    private static ProviderError ErrorOf(ProviderResponse response)
    {
        var body = ProviderJson.ParseObject(response.Body);
        var message = body?.ErrorMessage() ?? body?.Text("title");
        var byStatus = ErrorFromStatus(response, null, message);
        return ReplicateMapping.IsModeration(message) ? byStatus with { Kind = ProviderErrorKind.Moderation } : byStatus;
    }
}
