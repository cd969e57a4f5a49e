namespace Reelgate.Server.Webhooks;

/// <summary>Wakes this node's webhook sender when an event may be due (a job ended here, a redeliver), instead of its next poll.</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Pulse()
    {
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another pulse got there first; one wake-up is enough.
            }
        }
    }

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
            // The poll interval passed.
        }
    }

    public void Dispose() => _pending.Dispose();
}
