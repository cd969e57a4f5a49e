using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Server.Errors;
using Reelgate.Server.Http;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Features.Jobs;

/// <summary>
/// Writes a job's Server-Sent Events: one event per status or progress change (its data the job object), ending
/// at a final state, and a comment line (": keep-alive") whenever nothing was sent for the heartbeat interval, so
/// proxies keep the stream open. Holds one of the key's stream slots while it runs; with none free, 429.
/// </summary>
public sealed class JobEventStream(
    Job first,
    IJobStore jobs,
    JobChangeFeed changes,
    JobResponseMapper mapper,
    EventStreamSlots slots,
    TimeSpan heartbeat,
    TimeProvider time)
    : IResult, IEndpointMetadataProvider
{
    /// <summary>How often the stream re-reads its job when no local change woke it (changes made on other nodes).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>Describes the stream to OpenAPI: 200, text/event-stream.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, null, ["text/event-stream"]));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (!slots.TryTake(first.KeyId))
        {
            var detail = new ErrorDetail("rate_limit_error", "too_many_event_streams",
                $"this key has {slots.Limit} event streams open on this server, the most it may; close one, "
                + $"or poll GET /v1/jobs/{first.Id}", null);
            await ErrorResult.WriteAsync(httpContext, StatusCodes.Status429TooManyRequests, detail, TimeSpan.FromSeconds(5));
            return;
        }

        try
        {
            await StreamAsync(httpContext, httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            slots.Return(first.KeyId);
        }
    }

    private async Task StreamAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);

        Job? previous = null;
        var job = first;
        var lastWrite = time.GetTimestamp();
        while (true)
        {
            if (previous is null || job.Version != previous.Version)
            {
                var type = previous is not null && previous.Status == job.Status ? "job.progress" : "job." + job.Status.ToWire();
                await WriteEventAsync(response, type, job, http.Request, cancellationToken);
                previous = job;
                lastWrite = time.GetTimestamp();
            }

            if (job.Status.IsFinal())
            {
                return;
            }

            var untilBeat = heartbeat - time.GetElapsedTime(lastWrite);
            if (untilBeat <= TimeSpan.Zero)
            {
                await response.Body.WriteAsync(KeepAlive, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                lastWrite = time.GetTimestamp();
                untilBeat = heartbeat;
            }

            await changes.WaitAsync(job.Id, untilBeat < PollInterval ? untilBeat : PollInterval, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            job = await jobs.GetAsync(job.Id, cancellationToken) ?? job;
        }
    }

    private async Task WriteEventAsync(
        HttpResponse response, string type, Job job, HttpRequest request, CancellationToken cancellationToken)
    {
        // Compact JSON has no line breaks (they are escaped inside strings), so the whole object is one data line.
        var data = JsonSerializer.SerializeToUtf8Bytes(mapper.Map(job, request), ApiJson.Options);
        var head = $"event: {type}\nid: {job.Version.ToString(CultureInfo.InvariantCulture)}\ndata: ";
        await response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(head), cancellationToken);
        await response.Body.WriteAsync(data, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
