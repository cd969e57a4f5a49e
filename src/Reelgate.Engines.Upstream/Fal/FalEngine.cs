using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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

namespace Reelgate.Engines.Upstream.Fal;

/// <summary>
/// fal's queue API: submit to the model's endpoint, poll the status URL fal answered with, read the result URL
/// once COMPLETED (a failed request answers its result with an error status). Images go as data URIs. fal takes
/// no idempotency key, so a submission is never retried unless fal surely did not act on it (no connection, 429, 503).
/// The status, result and cancel URLs are followed only on the configured origin: the key never leaves it.
/// </summary>
public sealed class FalEngine(IOptions<FalOptions> options, UpstreamRuntime runtime, ILogger<FalEngine> logger)
    : UpstreamEngine(EngineName, "fal", options.Value, runtime, logger)
{
    public const string EngineName = "fal";

    protected override string SettingsSection => FalOptions.SectionName;

    public override Failure? CheckSupport(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (ProviderModel(spec.Model, FalMapping.Models) is null)
        {
            return Unsupported("model", $"model {spec.Model}");
        }

        return TooManyBytes("prompt", spec.Prompt) ?? TooManyBytes("negative_prompt", spec.NegativePrompt);
    }

    /// <summary>fal counts prompts in UTF-8 bytes, Reelgate in characters: a non-ASCII prompt may fit one and not the other.</summary>
    private Failure? TooManyBytes(string param, string? text)
    {
        var bytes = text is null ? 0 : Encoding.UTF8.GetByteCount(text);
        return bytes <= FalMapping.MaxPromptBytes
            ? null
            : Failure.Invalid(param, UnsupportedCode,
                $"{param} is {bytes.ToString(CultureInfo.InvariantCulture)} bytes in UTF-8; {DisplayName} (engine {Name}) takes at most " +
                $"{FalMapping.MaxPromptBytes.ToString(CultureInfo.InvariantCulture)} bytes (accented, non-Latin characters and emoji " +
                "take 2 to 4 bytes each)");
    }

    protected override async Task<SubmitResult> SubmitAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var endpoint = ProviderModel(spec.Model, FalMapping.Models)!.TrimEnd('/');
        var input = new JsonObject
        {
            ["prompt"] = spec.Prompt,
            ["resolution"] = spec.Resolution,
            ["duration"] = FalMapping.DurationAsString ? JsonValue.Create(
                spec.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(spec.DurationSeconds),
            ["seed"] = spec.Seed,
            [FalMapping.AudioField] = spec.Audio,
            [FalMapping.ThinkingField] = spec.Thinking,
        };
        SpecFields.AddOptional(input, spec);

        var start = job.Images.FirstOrDefault(i => i.Role == "image");
        var end = job.Images.FirstOrDefault(i => i.Role == "image_end");
        string route;
        if (!spec.IsImageToVideo || start is null)
        {
            route = FalMapping.TextRoute;
            input["aspect_ratio"] = spec.AspectRatio;
        }
        else if (end is null)
        {
            route = FalMapping.ImageRoute;
            input[FalMapping.ImageField] = await DataUris.FittedAsync(job, start, cancellationToken);
            if (FalMapping.ImageRouteTakesAspectRatio)
            {
                input["aspect_ratio"] = spec.AspectRatio;
            }
        }
        else
        {
            route = FalMapping.TransitionRoute;
            input["aspect_ratio"] = spec.AspectRatio;
            input[FalMapping.FirstImageField] = await DataUris.FittedAsync(job, start, cancellationToken);
            input[FalMapping.EndImageField] = await DataUris.FittedAsync(job, end, cancellationToken);
        }

        if (route != FalMapping.TransitionRoute && FalMapping.MultiClipEndpoints.Contains(endpoint))
        {
            input[FalMapping.MultiClipField] = false;
        }

        using var request = Request(HttpMethod.Post, $"{endpoint}/{route}");
        request.Content = JsonContent.Create(input);
        var response = await Http.SendAsync(request, "submit", cancellationToken);
        if (!response.IsSuccess)
        {
            return Refuse(response, ErrorOf(response));
        }

        if (ProviderJson.ParseObject(response.Body) is not { } accepted || accepted.Text("request_id") is not { Length: > 0 } id)
        {
            return RefuseMalformed(response, "submit");
        }

        var requests = FalMapping.RequestsPath(endpoint, id);
        return new SubmitResult.Accepted(new UpstreamHandle(
            id,
            Time.GetUtcNow(),
            OnOrigin(accepted.Url("status_url")) ?? requests + "/status",
            OnOrigin(accepted.Url("response_url")) ?? requests,
            OnOrigin(accepted.Url("cancel_url")) ?? requests + "/cancel"));
    }

    protected override async Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request =
            Request(HttpMethod.Get, handle.StatusUrl ?? throw new InvalidOperationException("a fal handle has a status URL"));
        var polled = await PollStatusAsync(request, ErrorOf, cancellationToken);
        if (polled.Settled is { } settled)
        {
            return settled;
        }

        if (FalMapping.FailedStatuses.Contains(polled.Status))
        {
            return new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, polled.Status, polled.Body.ErrorMessage()));
        }

        return polled.Status == FalMapping.StatusCompleted
            ? await ResultAsync(handle, cancellationToken)
            : new PollResult.Pending();
    }

    protected override async Task CancelAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        if (handle.CancelUrl is not null)
        {
            using var request = Request(HttpMethod.Put, handle.CancelUrl);
            await SendCancelAsync(request, handle.Id, cancellationToken);
        }
    }

    private async Task<PollResult> ResultAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request =
            Request(HttpMethod.Get, handle.ResultUrl ?? throw new InvalidOperationException("a fal handle has a result URL"));
        var response = await Http.SendAsync(request, "result", cancellationToken);
        if (response.IsTransportFailure || response.Status == 429)
        {
            return TransientPoll(response);
        }

        if (!response.IsSuccess)
        {
            return new PollResult.Failed(ErrorOf(response));
        }

        if (ProviderJson.ParseObject(response.Body) is not { } result)
        {
            return TransientPoll(response, "a malformed result");
        }

        return result.Property("video")?.Url("url") is { } url
            ? new PollResult.Succeeded(url)
            : new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, "no_video", "the result has no video.url"));
    }

    private static ProviderError ErrorOf(ProviderResponse response)
    {
        var body = ProviderJson.ParseObject(response.Body);
        var message = body?.ErrorMessage();
        var byStatus = ErrorFromStatus(response, null, message);
        return FalMapping.KindOf(body, message) is { } kind ? byStatus with { Kind = kind } : byStatus;
    }

    /// <summary>A URL fal answered with, kept only when it is on the configured origin (else the key would go elsewhere).</summary>
    private string? OnOrigin(Uri? url)
    {
        var origin = new Uri(Options.BaseUrl);
        return url is not null && Uri.Compare(
            url, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? url.AbsoluteUri
            : null;
    }

    private HttpRequestMessage Request(HttpMethod method, string pathOrUrl)
    {
        var request = new HttpRequestMessage(method, new Uri(pathOrUrl, UriKind.RelativeOrAbsolute));
        request.Headers.Authorization = new AuthenticationHeaderValue("Key", Options.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
