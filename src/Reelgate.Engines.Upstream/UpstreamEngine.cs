using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;
using Reelgate.Engines.Upstream.Http;
using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Engines.Upstream.Media;
using static Reelgate.Engines.Upstream.Jobs.ProviderAnswers;

namespace Reelgate.Engines.Upstream;

/// <summary>
/// The part every provider engine shares: submit once, save the provider's job id in the checkpoint before
/// anything else, resume polling that id on a retry (never resubmit), poll with backoff that honours Retry-After
/// up to a total timeout, then download the output into the work folder under a size cap and take a poster.
/// A provider supplies the mapping: <see cref="CheckSupport"/>, <see cref="SubmitAsync"/>, <see cref="PollAsync"/>.
/// </summary>
public abstract class UpstreamEngine : IVideoEngine
{
    public const string VideoFileName = "video.mp4";
    public const string PosterFileName = "poster.jpg";
    public const string UnsupportedCode = "unsupported_by_engine";

    private readonly UpstreamRuntime _runtime;

    protected UpstreamEngine(string name, string displayName, UpstreamOptions options, UpstreamRuntime runtime, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        Name = name;
        DisplayName = displayName;
        Options = options;
        _runtime = runtime;
        Logger = logger;
        Http = new ProviderHttp(runtime.Clients, ProviderClients.NameOf(name), name, runtime.Metrics, runtime.Time);
        HasCancelCall = GetType().GetMethod(nameof(CancelAsync), BindingFlags.Instance | BindingFlags.NonPublic)?.DeclaringType
            != typeof(UpstreamEngine);
    }

    /// <summary>What a job may take beyond the provider's own timeout: the submission's retries and the output's download.</summary>
    private static readonly TimeSpan TransferAllowance = TimeSpan.FromMinutes(5);

    public string Name { get; }

    /// <summary>The provider's name as people write it ("PixVerse"), for messages.</summary>
    public string DisplayName { get; }

    protected UpstreamOptions Options { get; }

    protected ProviderHttp Http { get; }

    protected TimeProvider Time => _runtime.Time;

    protected ILogger Logger { get; }

    /// <summary>Whether the provider has a call to cancel a job it accepted: the engine overrides <see cref="CancelAsync"/>.</summary>
    protected bool HasCancelCall { get; }

    public abstract Failure? CheckSupport(GenerationSpec spec);

    /// <summary>The provider's own <see cref="UpstreamOptions.Timeout"/> (counted from its acceptance), plus time to submit and to fetch
    /// the output.</summary>
    public TimeSpan TimeLimit(GenerationSpec spec) => Options.Timeout + TransferAllowance;

    public Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _runtime.Metrics.MeasureRenderAsync(Name, Time, () => RunAsync(job, cancellationToken));
    }

    /// <summary>Asks the provider to stop the job a user cancelled (the handle in its checkpoint); best effort, logged when it
    /// fails.</summary>
    public async Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken)
    {
        if (UpstreamHandle.Parse(checkpoint, Time.GetUtcNow()) is { } handle)
        {
            var upstreamId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Abandoning(Logger, Name, jobId, upstreamId);
            await CancelQuietlyAsync(jobId, handle, cancellationToken);
        }
    }

    /// <summary>Sends the job to the provider once; anything it answers before acceptance is a refusal.</summary>
    protected abstract Task<SubmitResult> SubmitAsync(RenderJob job, CancellationToken cancellationToken);

    protected abstract Task<PollResult> PollAsync(UpstreamHandle handle, CancellationToken cancellationToken);

    /// <summary>Asks the provider to stop a job Reelgate gave up on (timeout) or a user cancelled; best effort.</summary>
    protected virtual Task CancelAsync(UpstreamHandle handle, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The provider's model name for a Reelgate model: the settings first, then the mapping file's defaults.</summary>
    protected string? ProviderModel(string model, IReadOnlyDictionary<string, string> defaults) =>
        Options.Models.TryGetValue(model, out var configured) ? configured : defaults.GetValueOrDefault(model);

    protected Failure Unsupported(string param, string what) =>
        Failure.Invalid(param, UnsupportedCode, $"{what} is not supported by {DisplayName} (engine {Name})");

    /// <summary>
    /// Whether the provider recognises a repeated submission (a trace or idempotency key), so its HTTP calls resend a
    /// submission whose answer was lost (see ProviderClients); it changes only the words of an upstream_uncertain error.
    /// </summary>
    protected virtual bool DedupesSubmissions => false;

    /// <summary>The provider's settings section ("Reelgate:Upstreams:Fal"), named in messages for the operator.</summary>
    protected virtual string SettingsSection => "Reelgate:Upstreams:" + DisplayName;

    /// <summary>
    /// What a refused submission means. An answer the provider gave (an error status, an error body, 429, 503) or no
    /// connection at all means it did not take the job: retryable (the worker tries again, or moves to the next
    /// engine) when the cause may pass (unavailable, rate limit, no balance, a refused key). A submission sent whose
    /// answer was lost (a timeout, a gateway timeout 502/504) is uncertain: see <see cref="AnswerLost"/>.
    /// </summary>
    protected SubmitResult.Refused Refuse(ProviderResponse response, ProviderError error)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        var lost = response.Fault == TransportFault.Timeout || (response.Fault == TransportFault.None && response.Status is 502 or 504);
        if (lost)
        {
            var reason = response.IsTransportFailure ? response.FaultMessage ?? "no answer"
                : $"HTTP {response.Status.ToString(CultureInfo.InvariantCulture)}";
            return AnswerLost(response, reason);
        }

        var retryable = error.Kind is ProviderErrorKind.Unavailable or ProviderErrorKind.RateLimited
            or ProviderErrorKind.InsufficientBalance or ProviderErrorKind.Unauthorized;
        return new SubmitResult.Refused(UpstreamErrors.From(Name, error, Options.ApiKey), retryable);
    }

    /// <summary>
    /// A refused preparatory step (an image upload), which creates no job to pay for: an answer lost on the way is
    /// retryable like an unavailable provider; a refusal the provider answered means what it means for a submission.
    /// </summary>
    protected SubmitResult.Refused RefuseStep(ProviderResponse response, ProviderError error, string step)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        var lost = response.Fault == TransportFault.Timeout || (response.Fault == TransportFault.None && response.Status is 502 or 504)
                   || (response.IsSuccess && error.Kind == ProviderErrorKind.Unknown);
        return lost
            ? new SubmitResult.Refused(UpstreamErrors.From(Name, new ProviderError(ProviderErrorKind.Unavailable, null,
                $"the answer to the {step} was lost " +
                $"({(response.IsTransportFailure
                    ? response.FaultMessage
                    : "HTTP " + response.Status.ToString(CultureInfo.InvariantCulture))})"),
                Options.ApiKey), Retryable: true)
            : Refuse(response, error);
    }

    /// <summary>A 2xx answer to a submission that cannot be read: the provider may have accepted the job.</summary>
    protected SubmitResult.Refused RefuseMalformed(ProviderResponse response, string step)
    {
        ArgumentNullException.ThrowIfNull(response);
        return AnswerLost(response, $"the {step} answer could not be read");
    }

    /// <summary>
    /// A submission sent whose answer was lost: the provider may have accepted the job. A provider that recognises a
    /// repeat has already been sent it again by the HTTP retries (same trace id); what is left is uncertain all the
    /// same, and handing the job to another engine could pay twice. So unless the operator opted in
    /// (ResubmitWhenUncertain: the worker tries again, or moves to the next engine), the job fails
    /// "upstream_uncertain" (its hold released) and the operator is told in the log what was sent.
    /// </summary>
    private SubmitResult.Refused AnswerLost(ProviderResponse response, string reason)
    {
        var lost = new SubmitResult.LostAnswer(UpstreamErrors.Redact(reason, Options.ApiKey), response.RequestLine ?? "(unknown request)");
        var answer = $"the answer of {DisplayName} (engine {Name}) to the submission was lost ({lost.Reason})";
        string message;
        if (Options.ResubmitWhenUncertain)
        {
            message = $"{answer}; it may have accepted the job, and this server is set to submit it again";
        }
        else if (DedupesSubmissions)
        {
            message = $"{answer}, also when it was sent again with the same trace id; it may have accepted the job, so Reelgate did not " +
                "submit it elsewhere and the hold was released";
        }
        else
        {
            message = $"{answer}; it may have accepted the job and takes no idempotency key, so Reelgate did not submit it again and the " +
                "hold was released";
        }

        return new SubmitResult.Refused(new JobError(UpstreamErrors.Uncertain, message), Options.ResubmitWhenUncertain) { Lost = lost };
    }

    /// <summary>
    /// Sends a status poll and settles what every provider shares: a transient status or fault (poll again), a refusal
    /// (failed, read by errorOf), an answer without a "status" (poll again).
    /// </summary>
    protected async Task<StatusPoll> PollStatusAsync(
        HttpRequestMessage request, Func<ProviderResponse, ProviderError> errorOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errorOf);
        var response = await Http.SendAsync(request, "poll", cancellationToken);
        if (IsTransientStatus(response))
        {
            return new StatusPoll(TransientPoll(response));
        }

        if (!response.IsSuccess)
        {
            return new StatusPoll(new PollResult.Failed(errorOf(response)));
        }

        return ProviderJson.ParseObject(response.Body) is { } body && body.Text("status") is { } status
            ? new StatusPoll(null, body, status)
            : new StatusPoll(TransientPoll(response, "a malformed answer"));
    }

    /// <summary>Sends a provider's cancel call; a refusal is only logged (cancelling is best effort).</summary>
    protected async Task SendCancelAsync(HttpRequestMessage request, string providerJobId, CancellationToken cancellationToken)
    {
        var response = await Http.SendAsync(request, "cancel", cancellationToken);
        if (!response.IsSuccess)
        {
            UpstreamLog.CancelFailed(Logger, Name, providerJobId, response.IsTransportFailure ? response.FaultMessage ?? ""
                : response.Status.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A call to a provider that takes its key as a bearer token, on a path below the configured base URL.</summary>
    protected HttpRequestMessage BearerRequest(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Options.ApiKey);
        return request;
    }

    private async Task<RenderOutcome> RunAsync(RenderJob job, CancellationToken cancellationToken)
    {
        job.Progress.Report(1);
        var handle = UpstreamHandle.Parse(job.Checkpoint.Saved, Time.GetUtcNow());
        var resumed = handle is not null;
        if (handle is not null)
        {
            var resumedId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Resumed(Logger, Name, job.JobId, resumedId);
        }
        else
        {
            var sentAt = Time.GetUtcNow();
            var submitted = await SubmitAsync(job, cancellationToken);
            if (submitted is SubmitResult.Refused refused)
            {
                LogRefused(job.JobId, refused, sentAt);
                return new RenderOutcome.Failed(refused.Error, refused.Retryable);
            }

            handle = ((SubmitResult.Accepted)submitted).Handle;

            // Before anything else: a crash from here on resumes this upstream job instead of paying twice.
            if (!await job.Checkpoint.SaveAsync(handle.Serialize(), cancellationToken))
            {
                UpstreamLog.LeaseLost(Logger, Name, job.JobId);
                return new RenderOutcome.Failed(new JobError(UpstreamErrors.LeaseLost, "the job was taken over by another worker"));
            }

            var acceptedId = UpstreamErrors.Quote(handle.Id);
            UpstreamLog.Accepted(Logger, Name, job.JobId, acceptedId);
        }

        job.Progress.Report(5);
        var polls = new PollLoop(Options, Time)
        {
            Pending = (percent, polling) => job.Progress.Report(Estimate(percent, polling)),
            Transient = reason => UpstreamLog.PollFailed(Logger, Name, job.JobId, reason),
        };
        var polled = await polls.RunAsync(handle.AcceptedAt, waitFirst: !resumed, c => PollAsync(handle, c), cancellationToken);
        switch (polled)
        {
            case PollResult.Succeeded done:
                return await DownloadAsync(job, done.OutputUrl, cancellationToken);
            case null:
                UpstreamLog.TimedOut(Logger, Name, job.JobId, Options.Timeout);
                if (HasCancelCall)
                {
                    await CancelQuietlyAsync(job.JobId, handle, CancellationToken.None);
                    return new RenderOutcome.Failed(new JobError(UpstreamErrors.TimedOut,
                        $"{DisplayName} (engine {Name}) did not finish the job within {Options.Timeout}; it was asked to cancel it and " +
                        "the hold was released"));
                }

                return new RenderOutcome.Failed(new JobError(UpstreamErrors.TimedOut,
                    $"{DisplayName} (engine {Name}) did not finish the job within {Options.Timeout}; Reelgate stopped waiting for it and " +
                    "released the hold " +
                    $"({DisplayName} has no call to cancel a job, so it may still finish there)"));
            default:
                return FailedBy(job, polled);
        }
    }

    private void LogRefused(string jobId, SubmitResult.Refused refused, DateTimeOffset sentAt)
    {
        if (refused.Lost is not { } lost)
        {
            UpstreamLog.Refused(Logger, Name, jobId, refused.Error.Code, refused.Retryable);
        }
        else if (refused.Retryable)
        {
            UpstreamLog.Resubmitting(Logger, Name, jobId, lost.Reason, lost.Request, SettingsSection + ":ResubmitWhenUncertain is true");
        }
        else
        {
            UpstreamLog.Uncertain(Logger, Name, jobId, lost.Reason, lost.Request, sentAt, SettingsSection + ":ResubmitWhenUncertain");
        }
    }

    private RenderOutcome.Failed FailedBy(RenderJob job, PollResult polled)
    {
        var outcome = PollFailure.ToOutcome(polled, Name, $"{DisplayName} (engine {Name})", Options.MaxPollFailures, Options.ApiKey);
        UpstreamLog.Failed(Logger, Name, job.JobId, outcome.Error.Code);
        return outcome;
    }

    private async Task CancelQuietlyAsync(string jobId, UpstreamHandle handle, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), Time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await CancelAsync(handle, either.Token);
        }
        catch (OperationCanceledException)
        {
            UpstreamLog.CancelFailed(Logger, Name, jobId, "timed out");
        }
    }

    private async Task<RenderOutcome> DownloadAsync(RenderJob job, Uri url, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(job.WorkDirectory);
        var video = Path.Combine(job.WorkDirectory, VideoFileName);
        var download = await _runtime.Downloader.DownloadAsync(Name, url, video, Options.MaxOutputBytes, cancellationToken);
        var failure = download.Status switch
        {
            DownloadStatus.NotFound => new JobError(UpstreamErrors.OutputUnavailable,
                $"{DisplayName} (engine {Name}) finished the job but its output is no longer available ({download.Problem})"),
            DownloadStatus.TooLarge => new JobError(UpstreamErrors.OutputTooLarge,
                $"the output of {DisplayName} (engine {Name}) is larger than the limit of " +
                $"{Options.MaxOutputBytes.ToString(CultureInfo.InvariantCulture)} bytes ({download.Problem})"),
            DownloadStatus.Refused => new JobError(UpstreamErrors.OutputUnavailable,
                $"the output of {DisplayName} (engine {Name}) was not downloaded: {download.Problem}"),
            DownloadStatus.Failed => new JobError(UpstreamErrors.OutputUnavailable,
                $"the output of {DisplayName} (engine {Name}) could not be downloaded ({download.Problem})"),
            _ => null,
        };
        if (failure is not null)
        {
            UpstreamLog.DownloadFailed(Logger, Name, job.JobId, url.Host, download.Problem ?? "");

            // Only a broken transfer may pass; a missing, refused or oversized output stays so.
            return new RenderOutcome.Failed(failure, Retryable: download.Status == DownloadStatus.Failed);
        }

        UpstreamLog.Downloaded(Logger, Name, job.JobId, url.Host, download.Bytes);
        job.Progress.Report(95);
        var poster = Path.Combine(job.WorkDirectory, PosterFileName);
        if (!await _runtime.Posters.ExtractAsync(video, poster, cancellationToken))
        {
            return new RenderOutcome.Failed(new JobError(UpstreamErrors.Error,
                $"{DisplayName} (engine {Name}) returned an output that is not a readable video"));
        }

        job.Progress.Report(98);
        return new RenderOutcome.Rendered(video, poster, null);
    }

    /// <summary>The provider's percent when it gives one, else a curve that approaches 90 as the minutes pass.</summary>
    private static int Estimate(int? percent, TimeSpan polling) =>
        percent is { } p
            ? Math.Clamp(5 + (p * 85 / 100), 5, 90)
            : Math.Clamp(5 + (int)(85 * (1 - Math.Exp(-polling.TotalSeconds / 90))), 5, 90);
}
