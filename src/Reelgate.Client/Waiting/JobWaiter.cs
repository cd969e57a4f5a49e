using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Reelgate.Client.Http;
using Reelgate.Client.Models;
using Reelgate.Client.Serialization;

namespace Reelgate.Client.Waiting;

/// <summary>
/// Follows a job to a final state: its event stream when the server offers one, else polling with a growing
/// pause. Reports every change of status or progress; honours cancellation and the timeout.
/// </summary>
internal sealed class JobWaiter(ApiTransport transport)
{
    public async Task<Job> WaitAsync(string jobId, WaitOptions options, IProgress<Job>? progress, CancellationToken cancellationToken)
    {
        var time = transport.Options.TimeProvider;
        using var timeout = options.Timeout is { } limit ? new CancellationTokenSource(limit, time) : null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        var reporter = new ChangeReporter(progress);
        try
        {
            if (options.UseEvents)
            {
                var streamed = await StreamAsync(jobId, options, reporter, linked.Token).ConfigureAwait(false);
                if (streamed is not null)
                {
                    return streamed;
                }
            }

            return await PollAsync(jobId, options, reporter, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (
            timeout is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new ReelgateException(null, ReelgateErrorTypes.Timeout, "wait_timeout",
                $"job {jobId} did not reach a final state within {options.Timeout!.Value.TotalSeconds:0.#} s (it goes on; wait again or " +
                "cancel it)", innerException: e);
        }
    }

    /// <summary>The final job from the event stream, or null when the server offers no stream (then polling takes over).</summary>
    private async Task<Job?> StreamAsync(string jobId, WaitOptions options, ChangeReporter reporter, CancellationToken cancellationToken)
    {
        var uri = transport.Resolve($"v1/jobs/{Uri.EscapeDataString(jobId)}/events");
        var failures = 0;
        string? lastEventId = null;
        while (failures <= options.MaxStreamReconnects)
        {
            HttpResponseMessage response;
            try
            {
                response = await transport.SendAsync(
                    () =>
                    {
                        var request = new HttpRequestMessage(HttpMethod.Get, uri);
                        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                        if (lastEventId is not null)
                        {
                            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
                        }

                        return request;
                    },
                    RetryMode.Safe,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ReelgateException e) when (IsNoStream(e))
            {
                return null;
            }

            using (response)
            {
                if (response.Content.Headers.ContentType?.MediaType is not "text/event-stream")
                {
                    return null;
                }

                try
                {
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        var parser = SseParser.Create(stream, (_, data) => JsonSerializer.Deserialize<Job>(data, ReelgateJson.Options));
                        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
                        {
                            lastEventId = item.EventId ?? lastEventId;
                            if (item.Data is not { } job)
                            {
                                continue;
                            }

                            if (reporter.Report(job))
                            {
                                failures = 0;
                            }

                            if (job.Status.IsFinal)
                            {
                                return job;
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException or HttpRequestException or JsonException
                    && !cancellationToken.IsCancellationRequested)
                {
                    // The stream broke (a proxy's idle cut, a restarting server): open it again.
                }
            }

            failures++;
            if (failures <= options.MaxStreamReconnects)
            {
                await Task.Delay(transport.Delays.Backoff(failures - 1), transport.Options.TimeProvider, cancellationToken).ConfigureAwait(
                    false);
            }
        }

        return null;
    }

    private async Task<Job> PollAsync(string jobId, WaitOptions options, ChangeReporter reporter, CancellationToken cancellationToken)
    {
        var pause = options.PollInterval;
        while (true)
        {
            var job = await transport.GetJsonAsync<Job>($"v1/jobs/{Uri.EscapeDataString(jobId)}", cancellationToken).ConfigureAwait(false);
            var changed = reporter.Report(job);
            if (job.Status.IsFinal)
            {
                return job;
            }

            pause = changed ? options.PollInterval : TimeSpan.FromTicks(Math.Min((long)(pause.Ticks * 1.5), options.MaxPollInterval.Ticks));
            await Task.Delay(pause, transport.Options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Errors that mean "this server has no event stream here", as opposed to "this job is not yours" or a bad key.</summary>
    private static bool IsNoStream(ReelgateException e) =>
        e.Status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        && !(e.Status == HttpStatusCode.NotFound && string.Equals(e.Code, "job_not_found", StringComparison.Ordinal));

    /// <summary>Passes a job on only when its status or progress moved.</summary>
    private sealed class ChangeReporter(IProgress<Job>? progress)
    {
        private (JobStatus Status, int Progress)? _last;

        public bool Report(Job job)
        {
            var now = (job.Status, job.Progress);
            if (_last == now)
            {
                return false;
            }

            _last = now;
            progress?.Report(job);
            return true;
        }
    }
}
