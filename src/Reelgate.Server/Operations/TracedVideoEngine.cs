using Reelgate.Core;
using Reelgate.Core.Engines;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Operations;

/// <summary>An engine whose every render is a span in the job's trace, tagged with the engine and the outcome, and a timed job
/// step.</summary>
public sealed class TracedVideoEngine(IVideoEngine inner, JobMetrics metrics, TimeProvider time) : IVideoEngine
{
    public string Name => inner.Name;

    public Failure? CheckSupport(GenerationSpec spec) => inner.CheckSupport(spec);

    public TimeSpan TimeLimit(GenerationSpec spec) => inner.TimeLimit(spec);

    public async Task<RenderOutcome> RenderAsync(RenderJob job, CancellationToken cancellationToken)
    {
        using var span = JobTracing.StartChild(job.JobId, "job.render");
        span?.SetTag("reelgate.engine", inner.Name);
        span?.SetTag("reelgate.resolution", job.Spec.Resolution);
        var started = time.GetTimestamp();
        var outcome = await inner.RenderAsync(job, cancellationToken);
        metrics.Step(JobStep.Render, time.GetElapsedTime(started));
        span?.SetTag("reelgate.outcome", outcome is RenderOutcome.Rendered ? "rendered" : "failed");
        return outcome;
    }

    public Task AbandonAsync(string jobId, string checkpoint, CancellationToken cancellationToken) =>
        inner.AbandonAsync(jobId, checkpoint, cancellationToken);
}
