namespace Reelgate.Server.Workers;

/// <summary>
/// Wakes a polling loop of this process when there may be work for it, so it need not wait for its next
/// poll. At most <paramref name="maxPending"/> wake-ups are kept (a race may add one more: only an extra
/// look), so a burst of pulses does not leave thousands of stale wake-ups behind.
/// </summary>
public abstract class WakeSignal(int maxPending) : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, int.MaxValue);

    public void Pulse()
    {
        if (_pending.CurrentCount < maxPending)
        {
            _pending.Release();
        }
    }

    /// <summary>Waits for a pulse or the timeout, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _pending.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a pulse.
        }
    }

    public void Dispose()
    {
        _pending.Dispose();
        GC.SuppressFinalize(this);
    }
}
