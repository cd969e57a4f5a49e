using Reelgate.Core.Jobs;

namespace Reelgate.Core.Webhooks;

/// <summary>The events a webhook receives: one per final state of a job.</summary>
public static class WebhookEvents
{
    public const string Completed = "job.completed";
    public const string Failed = "job.failed";
    public const string Cancelled = "job.cancelled";

    public static string For(JobStatus status) => status switch
    {
        JobStatus.Completed => Completed,
        JobStatus.Failed => Failed,
        JobStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "only final states have webhook events"),
    };
}
