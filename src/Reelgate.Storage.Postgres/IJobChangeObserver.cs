namespace Reelgate.Storage.Postgres;

/// <summary>Hears of every committed job change on any node, as announced by PostgreSQL (LISTEN/NOTIFY).</summary>
public interface IJobChangeObserver
{
    /// <summary>Called on the listener's loop: return quickly and never throw.</summary>
    void OnJobChanged(string jobId, string status);
}
