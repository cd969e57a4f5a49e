using System.Collections.Concurrent;

namespace Reelgate.Server.Workers;

/// <summary>
/// The running jobs of this process and a way to stop each at once: a cancel request on this node fires
/// the job's token immediately; a cancel on another node is noticed by the next lease or progress write.
/// </summary>
public sealed class JobCancellations
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);

    public void Register(string jobId, CancellationTokenSource source) => _running[jobId] = source;

    public void Unregister(string jobId) => _running.TryRemove(jobId, out _);

    public void Cancel(string jobId)
    {
        if (_running.TryGetValue(jobId, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The job finished between the lookup and the cancel.
            }
        }
    }

    public int Count => _running.Count;
}
