using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reelgate.Core.Engines;

namespace Reelgate.Engines.Upstream;

/// <summary>
/// Per-engine counts and latencies on the meter "Reelgate.Engines", for the dashboard and metrics exporters:
/// renders by outcome and their duration, and every HTTP call to a provider by operation and status.
/// </summary>
public sealed class EngineMetrics
{
    public const string MeterName = "Reelgate.Engines";

    private readonly Counter<long> _renders;
    private readonly Histogram<double> _renderDuration;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;

    public EngineMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
#pragma warning disable IDISP001 // the meter factory owns its meters and disposes them with the container
        var meter = meters.Create(MeterName);
#pragma warning restore IDISP001
        _renders = meter.CreateCounter<long>("reelgate.engine.renders", "{render}", "Renders finished by an engine, by outcome");
        _renderDuration =
            meter.CreateHistogram<double>("reelgate.engine.render.duration", "s", "Time from start (or resume) to outcome of a render");
        _requests = meter.CreateCounter<long>("reelgate.engine.requests", "{request}", "HTTP calls to a provider, by operation and status");
        _requestDuration = meter.CreateHistogram<double>("reelgate.engine.request.duration", "s", "Duration of HTTP calls to a provider");
    }

    /// <summary>Runs a render and counts its end: its outcome, or "cancelled" when it was cancelled.</summary>
    public async Task<RenderOutcome> MeasureRenderAsync(string engine, TimeProvider time, Func<Task<RenderOutcome>> render)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(render);
        var started = time.GetTimestamp();
        try
        {
            var outcome = await render();
            var (label, code) = outcome switch
            {
                RenderOutcome.Failed { Retryable: true } f => ("retry", f.Error.Code),
                RenderOutcome.Failed f => ("failed", f.Error.Code),
                _ => ("completed", (string?)null),
            };
            Render(engine, label, code, time.GetElapsedTime(started));
            return outcome;
        }
        catch (OperationCanceledException)
        {
            Render(engine, "cancelled", null, time.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>A render's end: outcome "completed", "failed", "retry" or "cancelled", and the error code if any.</summary>
    public void Render(string engine, string outcome, string? errorCode, TimeSpan elapsed)
    {
        var tags = new TagList { { "engine", engine }, { "outcome", outcome } };
        if (errorCode is not null)
        {
            tags.Add("error.code", errorCode);
        }

        _renders.Add(1, tags);
        _renderDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>One HTTP call: the operation ("submit", "poll", "upload", "result", "download", ...) and the status or fault.</summary>
    public void Request(string engine, string operation, string status, TimeSpan elapsed)
    {
        var tags = new TagList { { "engine", engine }, { "operation", operation }, { "status", status } };
        _requests.Add(1, tags);
        _requestDuration.Record(elapsed.TotalSeconds, tags);
    }
}
