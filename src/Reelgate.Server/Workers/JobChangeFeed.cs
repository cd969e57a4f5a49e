using System.Collections.Concurrent;
using Reelgate.Server.Features.Jobs;

namespace Reelgate.Server.Workers;

/// <summary>
/// Tells listeners in this process (SSE streams) that a job changed, so they read it again at once, and drops the
/// poll's copy of it (<see cref="JobReadCache"/>). Changes made on other nodes are seen by the listeners' periodic
/// re-read.
/// </summary>
public sealed class JobChangeFeed(TimeProvider time, JobReadCache? cache = null)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    public void Notify(string jobId)
    {
        cache?.Forget(jobId);
        if (_waiters.TryRemove(jobId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Other nodes' changes may go unheard from now on (their listener is down, or not yet up).</summary>
    public void Interrupted() => cache?.Suspend();

    /// <summary>Other nodes' changes are heard again; what happened meanwhile was not.</summary>
    public void Resumed() => cache?.Resume();

    /// <summary>Jobs someone is waiting on (for tests: a wait that ended leaves nothing behind).</summary>
    public int Waiting => _waiters.Count;

    /// <summary>
    /// Completes when the job changes here, or after the timeout, or on cancellation (without throwing). A wait
    /// that ends without a change takes its entry away, or a job that never changes again (a final one whose
    /// stream was closed) would be remembered for ever; another listener of the same job then finds out at
    /// its own timeout's re-read.
    /// </summary>
    public async Task WaitAsync(string jobId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await waiter.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!waiter.Task.IsCompleted)
        {
            _waiters.TryRemove(KeyValuePair.Create(jobId, waiter));
        }
    }
}
