using Reelgate.Server.Workers;
using Reelgate.Storage.Postgres;

namespace Reelgate.Server.Startup;

/// <summary>
/// Passes PostgreSQL's job-change notifications (any node's commits) to this process: SSE streams read the
/// job again at once, and a newly queued job wakes an idle worker slot instead of waiting for its poll.
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
