using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Jobs;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// The OpenAI video protocol on a pool of GPU servers: take a place on a server (<see cref="GpuServerPool"/>), POST
/// /v1/videos once, save the server's video id and URLs in the checkpoint before anything else, poll GET
/// /v1/videos/{id} (queued, in_progress with progress, completed, failed), then stream GET /v1/videos/{id}/content into
/// the work folder and take a poster (which proves it is a video). A restart resumes the saved id on its server and
/// never submits again; a user's cancel, or the timeout, sends DELETE /v1/videos/{id}.
/// </summary>
public sealed class OpenAiVideoEngine : IVideoEngine, ICardRequirements
{
    public const string EngineName = "openai-video";

    private readonly OpenAiVideoOptions _options;
    private readonly OpenAiVideoDialect _dialect;
    private readonly UpstreamRuntime _runtime;
    private readonly ILogger<OpenAiVideoEngine> _logger;
    private readonly ProviderHttp _http;

    public OpenAiVideoEngine(IOptions<OpenAiVideoOptions> options, GpuServerPool pool, UpstreamRuntime runtime,
        ILogger<OpenAiVideoEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        _options = options.Value;
        _dialect = OpenAiVideoDialect.Named(_options.Dialect) ?? throw new InvalidOperationException($"unknown dialect {_options.Dialect}");
        Pool = pool;
        _runtime = runtime;
        _logger = logger;
        _http = new ProviderHttp(runtime.Clients, ProviderClients.NameOf(EngineName), EngineName, runtime.Metrics, runtime.Time);
    }

    public string Name => EngineName;

    public GpuServerPool Pool { get; }

    private string Display => $"the {_dialect.Name} video server (engine {EngineName})";

    /// <summary>
    /// The server's own <c>Timeout</c> (from its acceptance) twice over, since a job may first wait for a free GPU server
    /// while holding its worker slot, plus five minutes to submit and to fetch the output.
    /// </summary>
    public TimeSpan TimeLimit(GenerationSpec spec) => _options.Timeout * 2 + TimeSpan.FromMinutes(5);

    public Failure? CheckSupport(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Audio)
        {
            return Unsupported("audio", "audio generation");
        }

        if (spec.ImageEnd is not null)
        {
            return Unsupported("image_end", "a last-frame image");
        }

        if (_dialect.Name == OpenAiVideoDialect.OpenAi && ServerModel(spec.Model) is null)
        {
            return Unsupported("model", $"model {spec.Model} without a Models mapping");
        }

        return _dialect.Untakeable(spec) is { } name ? Unsupported(name, $"the parameter {name}") : null;
    }

    /// <summary>A card this engine serves must take only fields its dialect sends, make no audio, and (openai) map its model.</summary>
    public IReadOnlyList<string> ProblemsWith(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var problems = new List<string>();
        foreach (var parameter in card.Parameters.Where(p => !CardShape.SpecFields.Contains(p.Name)))
        {
            if (_dialect.Untakeable(parameter.Name) is not null)
            {
                problems.Add($"model {card.Id}: parameter {parameter.Name} is not taken by the {_dialect.Name} dialect of engine " +
                    $"{EngineName}");
            }
        }

        if (card.Find(CardShape.Audio) is { } audio && audio.DefaultBoolean)
        {
            problems.Add($"model {card.Id}: audio defaults to true, which engine {EngineName} cannot make");
        }

        if (_dialect.Name == OpenAiVideoDialect.OpenAi && ServerModel(card.Id) is null)
        {
            problems.Add($"model {card.Id}: engine {EngineName} with the openai dialect needs " +
                $"{OpenAiVideoOptions.SectionName}:Models:{card.Id}");
        }

        return problems;
    }

    public Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _runtime.Metrics.MeasureRenderAsync(Name, _runtime.Time, () => RunAsync(job, cancellationToken));
    }

    public async Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken)
    {
        if (UpstreamHandle.Parse(checkpoint, _runtime.Time.GetUtcNow()) is { CancelUrl: not null } handle)
        {
            var upstreamId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Abandoning(_logger, Name, jobId, upstreamId);
            await DeleteQuietlyAsync(jobId, handle, cancellationToken);
        }
    }

    private async Task<RenderOutcome> RunAsync(RenderJob job, CancellationToken cancellationToken)
    {
        job.Progress.Report(1);
        var handle = UpstreamHandle.Parse(job.Checkpoint.Saved, _runtime.Time.GetUtcNow());
        GpuLease lease;
        if (handle is { StatusUrl: not null })
        {
            var resumedId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Resumed(_logger, Name, job.JobId, resumedId);
            lease = Pool.Attach(ServerOf(handle));
        }
        else
        {
            var submitted = await SubmitAsync(job, cancellationToken);
            if (submitted.Outcome is { } refused)
            {
                return refused;
            }

            (handle, lease) = (submitted.Handle!, submitted.Lease!);
            if (!await job.Checkpoint.SaveAsync(handle.Serialize(), cancellationToken))
            {
                lease.Dispose();
                UpstreamLog.LeaseLost(_logger, Name, job.JobId);
                return new RenderOutcome.Failed(new JobError(UpstreamErrors.LeaseLost, "the job was taken over by another worker"));
            }

            var acceptedId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Accepted(_logger, Name, job.JobId, acceptedId);
        }

        using (lease)
        {
            job.Progress.Report(5);
            var polls = new PollLoop(_options, _runtime.Time)
            {
                Pending = (percent, _) => job.Progress.Report(Math.Clamp(5 + ((percent ?? 0) * 85 / 100), 5, 90)),
                Transient = reason => UpstreamLog.PollFailed(_logger, Name, job.JobId, reason),
            };
            var polled = await polls.RunAsync(handle.AcceptedAt, waitFirst: false, c => PollAsync(handle, c), cancellationToken);
            switch (polled)
            {
                case PollResult.Succeeded:
                    return await DownloadAsync(job, handle, cancellationToken);
                case null:
                    UpstreamLog.TimedOut(_logger, Name, job.JobId, _options.Timeout);
                    await DeleteQuietlyAsync(job.JobId, handle, CancellationToken.None);
                    return new RenderOutcome.Failed(new JobError(UpstreamErrors.TimedOut,
                        $"{Display} did not finish the job within {_options.Timeout}; it was asked to delete it and the hold was " +
                        "released"));
                default:
                    var outcome = PollFailure.ToOutcome(polled, Display, Display, _options.MaxPollFailures, _options.ApiKey);
                    UpstreamLog.Failed(_logger, Name, job.JobId, outcome.Error.Code);
                    return outcome;
            }
        }
    }

    private sealed record Submitted(UpstreamHandle? Handle, GpuLease? Lease, RenderOutcome.Failed? Outcome);

    /// <summary>
    /// Submits once to the best server. A server that cannot be connected to (the job surely did not reach it) is taken
    /// out and the next one tried; any other refusal ends the attempt, and an answer that may hide an acceptance is
    /// never repeated.
    /// </summary>
    private async Task<Submitted> SubmitAsync(RenderJob job, CancellationToken cancellationToken)
    {
        var tried = new HashSet<GpuServer>();
        var image = job.Images.FirstOrDefault(i => i.Role == JobInput.ImageRole);
        while (true)
        {
            var lease = await Pool.AcquireAsync(_http, tried, cancellationToken);
            if (lease is null)
            {
                return new Submitted(null, null, new RenderOutcome.Failed(new JobError(UpstreamErrors.Unavailable,
                    $"no GPU server of engine {EngineName} could be reached ({tried.Count} tried); the job will be tried again"),
                        Retryable: true));
            }

            using var request = Request(HttpMethod.Post, lease.Server.At("v1/videos"));
            request.Content = _dialect.Body(job.Spec, ServerModel(job.Spec.Model), image);
            var response = await _http.SendAsync(request, "submit", cancellationToken);
            if (response.Fault is TransportFault.Connect)
            {
                Pool.Eject(lease.Server);
                tried.Add(lease.Server);
                lease.Dispose();
                continue;
            }

            if (response.IsSuccess && ProviderJson.ParseObject(response.Body)?.Text("id") is { Length: > 0 } id && IsSafeId(id))
            {
                var video = lease.Server.At("v1/videos/" + Uri.EscapeDataString(id));
                return new Submitted(
                    new UpstreamHandle(id, _runtime.Time.GetUtcNow(), video.AbsoluteUri, video.AbsoluteUri + "/content", video.AbsoluteUri),
                    lease, null);
            }

            lease.Dispose();
            var refused = Refuse(response);
            UpstreamLog.Refused(_logger, Name, job.JobId, refused.Error.Code, refused.Retryable);
            return new Submitted(null, null, refused);
        }
    }

    private RenderOutcome.Failed Refuse(ProviderResponse response)
    {
        if (response.IsSuccess)
        {
            return new RenderOutcome.Failed(new JobError(UpstreamErrors.Error,
                $"{Display} answered the submission with no video id; it may have accepted the job, so Reelgate did not submit it again"));
        }

        var error = ErrorOf(response);
        var retryable = error.Kind is ProviderErrorKind.RateLimited or ProviderErrorKind.Unauthorized
                        || (error.Kind == ProviderErrorKind.Unavailable
                            && response.Fault is TransportFault.None or TransportFault.CircuitOpen);
        var jobError = UpstreamErrors.From(Display, error, _options.ApiKey);
        if (response.Fault == TransportFault.Timeout)
        {
            jobError = jobError with { Message = jobError.Message + "; it may have accepted the job, so Reelgate did not submit it again" };
        }

        return new RenderOutcome.Failed(jobError, retryable);
    }

    private async Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, new Uri(handle.StatusUrl!));
        var response = await _http.SendAsync(request, "poll", cancellationToken);
        if (response.IsTransportFailure || response.Status is 408 or 425 or 429 or >= 500)
        {
            return new PollResult.Transient(
                response.IsTransportFailure ? response.FaultMessage ?? "no answer" : $"HTTP {response.Status}", response.RetryAfter);
        }

        if (response.Status == 404)
        {
            return new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, "HTTP 404",
                $"the server no longer knows video {handle.Id} (restarted?); Reelgate does not submit a job twice"));
        }

        if (!response.IsSuccess)
        {
            return new PollResult.Failed(ErrorOf(response));
        }

        if (ProviderJson.ParseObject(response.Body) is not { } video || video.Text("status") is not { } status
            || !string.Equals(video.Text("id"), handle.Id, StringComparison.Ordinal))
        {
            return new PollResult.Transient("a malformed answer");
        }

        return status switch
        {
            "queued" or "in_progress" => new PollResult.Pending(Progress(video)),
            "completed" => new PollResult.Succeeded(new Uri(handle.ResultUrl!)),
            "failed" => new PollResult.Failed(new ProviderError(ProviderErrorKind.Unknown, video.Property("error")?.Text("code"),
                video.Property("error")?.Text("message") ?? "the server failed the video without a message")),
            _ => new PollResult.Transient($"an unknown status '{UpstreamErrors.Quote(status)}'"),
        };
    }

    private static int? Progress(JsonElement video) =>
        video.Integer("progress") is { } percent ? (int)Math.Clamp(percent, 0, 100) : null;

    /// <summary>Streams the content into the work folder under the size cap, then takes a poster (ffmpeg must read it).</summary>
    private async Task<RenderOutcome> DownloadAsync(RenderJob job, UpstreamHandle handle, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(job.WorkDirectory);
        var video = Path.Combine(job.WorkDirectory, UpstreamEngine.VideoFileName);
        var download = await new ContentDownload(_runtime.Clients, _runtime.Metrics, _runtime.Time)
            .SaveAsync(Name, Request(HttpMethod.Get, new Uri(handle.ResultUrl!)), video, _options.MaxOutputBytes, cancellationToken);
        if (download.Problem is { } problem)
        {
            var host = new Uri(handle.ResultUrl!).Host;
            UpstreamLog.DownloadFailed(_logger, Name, job.JobId, host, problem);
            return new RenderOutcome.Failed(
                new JobError(download.TooLarge ? UpstreamErrors.OutputTooLarge : UpstreamErrors.OutputUnavailable,
                $"the output of {Display} could not be kept ({problem})"), Retryable: download.Retryable);
        }

        var from = new Uri(handle.ResultUrl!).Host;
        UpstreamLog.Downloaded(_logger, Name, job.JobId, from, download.Bytes);
        job.Progress.Report(95);
        var poster = Path.Combine(job.WorkDirectory, UpstreamEngine.PosterFileName);
        if (!await _runtime.Posters.ExtractAsync(video, poster, cancellationToken))
        {
            return new RenderOutcome.Failed(
                new JobError(UpstreamErrors.Error, $"{Display} returned an output that is not a readable video"));
        }

        job.Progress.Report(98);
        return new RenderOutcome.Rendered(video, poster, null);
    }

    private async Task DeleteQuietlyAsync(string jobId, UpstreamHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), _runtime.Time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            using var request = Request(HttpMethod.Delete, new Uri(handle.CancelUrl!));
            var response = await _http.SendAsync(request, "cancel", either.Token);
            if (!response.IsSuccess)
            {
                var status = response.IsTransportFailure ? response.FaultMessage ?? ""
                    : response.Status.ToString(CultureInfo.InvariantCulture);
                UpstreamLog.CancelFailed(_logger, Name, jobId, status);
            }
        }
        catch (OperationCanceledException)
        {
            UpstreamLog.CancelFailed(_logger, Name, jobId, "timed out");
        }
    }

    private static ProviderError ErrorOf(ProviderResponse response)
    {
        var body = ProviderJson.ParseObject(response.Body);
        var message = body?.ErrorMessage();
        if (response.IsTransportFailure)
        {
            return new ProviderError(ProviderErrorKind.Unavailable, null, response.FaultMessage);
        }

        var kind = response.Status switch
        {
            401 or 403 => ProviderErrorKind.Unauthorized,
            429 => ProviderErrorKind.RateLimited,
            400 or 404 or 409 or 413 or 422 => ProviderErrorKind.Invalid,
            >= 500 => ProviderErrorKind.Unavailable,
            _ => ProviderErrorKind.Unknown,
        };
        return new ProviderError(kind, $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}", message);
    }

    private static Uri ServerOf(UpstreamHandle handle)
    {
        var status = new Uri(handle.StatusUrl!);
        var root = status.AbsoluteUri[..status.AbsoluteUri.LastIndexOf("/v1/videos/", StringComparison.Ordinal)];
        return new Uri(root);
    }

    /// <summary>An id goes into a URL path: printable, no slashes or control characters.</summary>
    private static bool IsSafeId(string id) => id.Length <= 200 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private string? ServerModel(string model) => _options.Models.GetValueOrDefault(model);

    private Failure Unsupported(string param, string what) =>
        Failure.Invalid(param, UpstreamEngine.UnsupportedCode, $"{what} is not supported by {Display}");

    private HttpRequestMessage Request(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        return request;
    }
}
