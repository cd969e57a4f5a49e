using Reelgate.Core.Ports;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Startup;

/// <summary>
/// Passes PostgreSQL's job-change notifications (any node's commits) to this process: SSE streams read the
/// job again at once, and a newly queued job wakes an idle worker slot instead of waiting for its poll. This
/// process's own changes are announced at once by <see cref="AnnouncingJobStore"/>; they arrive here again too.
/// </summary>
public sealed class JobChangeBridge(JobChangeFeed changes, WorkSignal signal) : IJobChangeObserver
{
    public void OnJobChanged(string jobId, string status)
    {
        changes.Notify(jobId);
        if (string.Equals(status, "queued", StringComparison.Ordinal))
        {
            signal.Pulse();
        }
    }
}
