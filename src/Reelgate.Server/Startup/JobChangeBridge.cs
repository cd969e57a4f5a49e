using Reelgate.Core.Ports;
using Reelgate.Server.Workers;

namespace Reelgate.Server.Startup;

/// <summary>
/// Passes PostgreSQL's job-change notifications (any node's commits) to this process: SSE streams read the
/// job again at once, and newly queued jobs (announced once an insert, without ids) wake an idle worker slot
/// instead of waiting for its poll. This process's own changes are announced at once by
/// <see cref="AnnouncingJobStore"/>; they arrive here again too.
/// </summary>
public sealed class JobChangeBridge : IJobChangeObserver
{
    private readonly JobChangeFeed _changes;
    private readonly WorkSignal _signal;

    public JobChangeBridge(JobChangeFeed changes, WorkSignal signal)
    {
        _changes = changes;
        _signal = signal;

        // Until the first LISTEN is in place, other nodes' changes go unheard.
        changes.Interrupted();
    }

    public void OnJobChanged(string jobId, string status)
    {
        _changes.Notify(jobId);
        if (string.Equals(status, "queued", StringComparison.Ordinal))
        {
            _signal.Pulse();
        }
    }

    public void OnJobsQueued() => _signal.Pulse();

    public void OnListening() => _changes.Resumed();

    public void OnListenerLost() => _changes.Interrupted();
}
