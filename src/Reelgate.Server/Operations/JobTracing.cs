using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Reelgate.Server.Operations;

/// <summary>
/// One trace per job, across API and worker nodes, without storing anything: the trace id and a parent
/// span id are derived from the job id, so the submit span and every later span (claim, render,
/// completion) on any node land in the same trace. The submit span links to the HTTP request's trace.
/// </summary>
public static class JobTracing
{
    public const string SourceName = "Reelgate.Jobs";
    public static readonly ActivitySource Source = new(SourceName);

    public static ActivityContext RootOf(string jobId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(jobId));
        return new ActivityContext(
            ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)), ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)),
            ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>The submission's span in the job's trace, linked to the HTTP request's own trace.</summary>
    public static Activity? StartSubmitted(string jobId)
    {
        // Without a listener there is no span; the job's root (a SHA-256) and the link are not worked out for nothing.
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = Activity.Current is { } request ? new[] { new ActivityLink(request.Context) } : null;
        var activity = Source.StartActivity("job.submit", ActivityKind.Producer, RootOf(jobId), links: links);
        activity?.SetTag("reelgate.job_id", jobId);
        return activity;
    }

    /// <summary>A span of the job's trace, as a child of its root.</summary>
    public static Activity? StartChild(string jobId, string name, ActivityKind kind = ActivityKind.Internal)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(name, kind, RootOf(jobId));
        activity?.SetTag("reelgate.job_id", jobId);
        return activity;
    }
}
