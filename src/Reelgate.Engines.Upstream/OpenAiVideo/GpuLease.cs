namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>A job's place on a GPU server; disposing gives the place back to the pool (once).</summary>
public sealed class GpuLease : IDisposable
{
    private readonly GpuServerPool _pool;
    private int _released;

    internal GpuLease(GpuServerPool pool, GpuServer server)
    {
        _pool = pool;
        Server = server;
    }

    public GpuServer Server { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _pool.Release(Server);
        }
    }
}
