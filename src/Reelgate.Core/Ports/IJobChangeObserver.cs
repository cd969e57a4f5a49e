namespace Reelgate.Core.Ports;

/// <summary>
/// Hears of every committed job change on any node of a deployment, as a shared store announces them (PostgreSQL's
/// LISTEN/NOTIFY); changes made in this process are announced by the server's own job store decorator as well.
/// </summary>
public interface IJobChangeObserver
{
    /// <summary>A job that existed changed. Called on the listener's loop: return quickly and never throw.</summary>
    void OnJobChanged(string jobId, string status);

    /// <summary>
    /// New jobs were queued; which ones is not announced (no node keeps anything of a job before it exists). Called on
    /// the listener's loop: return quickly and never throw.
    /// </summary>
    void OnJobsQueued();

    /// <summary>The listener is in place (again): changes committed from now on are heard; earlier ones may not have been.</summary>
    void OnListening();

    /// <summary>The listener lost its connection: changes committed until <see cref="OnListening"/> may never be heard.</summary>
    void OnListenerLost();
}
