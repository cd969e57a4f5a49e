using Microsoft.Extensions.Options;

namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// The decode slots (<see cref="ImagingOptions.MaxConcurrentDecodes"/>) and a bounded line for them
/// (<see cref="ImagingOptions.MaxQueuedDecodes"/>): past both, <see cref="TryEnterAsync"/> answers null at once.
/// </summary>
public sealed class DecodeQueue : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _capacity;
    private int _admitted;

    public DecodeQueue(IOptions<ImagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var slots = options.Value.MaxConcurrentDecodes;
        _slots = new SemaphoreSlim(slots, slots);
        _capacity = slots + options.Value.MaxQueuedDecodes;
    }

    /// <summary>Decodes running plus waiting.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>Waits for a slot and holds it until the lease is disposed; null when the slots and the line are full.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }

        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }

        return new Lease(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Leave()
    {
        _slots.Release();
        Interlocked.Decrement(ref _admitted);
    }

    private sealed class Lease(DecodeQueue queue) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                queue.Leave();
            }
        }
    }
}
