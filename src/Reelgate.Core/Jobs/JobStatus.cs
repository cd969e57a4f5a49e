namespace Reelgate.Core.Jobs;

/// <summary>A job's place in its life. Completed, failed and cancelled are final.</summary>
public enum JobStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
    Cancelled,
}
