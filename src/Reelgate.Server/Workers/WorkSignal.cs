namespace Reelgate.Server.Workers;

/// <summary>Wakes an idle worker of this process when a job is queued here, so it need not wait for its next poll.</summary>
public sealed class WorkSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, int.MaxValue);

    public void Pulse()
    {
        // Bounded so a burst of submissions does not leave thousands of stale wake-ups behind.
        if (_pending.CurrentCount < 64)
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

    public void Dispose() => _pending.Dispose();
}
