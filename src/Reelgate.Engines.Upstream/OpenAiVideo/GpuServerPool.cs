using Microsoft.Extensions.Options;
using Reelgate.Engines.Upstream.Http;

namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// The engine's GPU servers. A job takes a place on the healthy server with the most free capacity (the first listed
/// on a tie); with every place taken it waits here, in Reelgate (its job stays leased and durable), so a GPU server
/// never holds more than its capacity in memory. A server that refuses a connection is taken out and probed with
/// GET of its health path every <see cref="OpenAiVideoOptions.ProbeInterval"/> while jobs wait, and put back when
/// it answers 2xx. Counts are this process's: several worker nodes each keep their own (see docs/gpu.md).
/// </summary>
public sealed class GpuServerPool
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _probeInterval;
    private readonly string _healthPath;
    private TaskCompletionSource _changed = NewSignal();
    private int _waiting;

    public GpuServerPool(IOptions<OpenAiVideoOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _time = time;
        _probeInterval = settings.ProbeInterval;
        _healthPath = string.IsNullOrWhiteSpace(settings.HealthPath)
            ? (OpenAiVideoDialect.Named(settings.Dialect)?.DefaultHealthPath ?? "/health")
            : settings.HealthPath;
        Servers = settings.BaseUrls.Select((url, i) => new GpuServer(new Uri(url), settings.CapacityOf(i))).ToList();
    }

    public IReadOnlyList<GpuServer> Servers { get; }

    /// <summary>Jobs waiting for a place now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>A place on the best server, waiting for one; null when <paramref name="exclude"/> rules out every server.</summary>
    public async Task<GpuLease?> AcquireAsync(ProviderHttp http, IReadOnlySet<GpuServer> exclude, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exclude);
        while (true)
        {
            Task changed;
            List<GpuServer> due;
            lock (_gate)
            {
                if (Servers.All(exclude.Contains))
                {
                    return null;
                }

                var best = Servers
                    .Where(s => !s.Ejected && !exclude.Contains(s) && s.Free > 0)
                    .OrderByDescending(s => s.Free)
                    .FirstOrDefault();
                if (best is not null)
                {
                    best.InFlight++;
                    return new GpuLease(this, best);
                }

                var now = _time.GetUtcNow();
                due = Servers.Where(s => s.Ejected && s.ProbeAt <= now && !exclude.Contains(s)).ToList();
                foreach (var server in due)
                {
                    server.ProbeAt = now + _probeInterval;
                }

                changed = _changed.Task;
            }

            foreach (var server in due)
            {
                await ProbeAsync(http, server, cancellationToken);
            }

            if (due.Count == 0)
            {
                Interlocked.Increment(ref _waiting);
                try
                {
                    await Task.WhenAny(changed, Task.Delay(_probeInterval, _time, cancellationToken));
                }
                finally
                {
                    Interlocked.Decrement(ref _waiting);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>A place on the server a resumed job already runs on (counted even past capacity: the job is there).</summary>
    public GpuLease Attach(Uri baseUrl)
    {
        lock (_gate)
        {
            var server = Servers.FirstOrDefault(s => s.BaseUrl == baseUrl) ?? new GpuServer(baseUrl, 0);
            server.InFlight++;
            return new GpuLease(this, server);
        }
    }

    /// <summary>Takes a server out after a failed connect; it is probed again after the probe interval.</summary>
    public void Eject(GpuServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        lock (_gate)
        {
            server.Ejected = true;
            server.ProbeAt = _time.GetUtcNow() + _probeInterval;
        }
    }

    /// <summary>GET of the health path: a 2xx puts an ejected server back.</summary>
    public async Task<bool> ProbeAsync(ProviderHttp http, GpuServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, server.At(_healthPath));
        var answer = await http.SendAsync(request, "health", cancellationToken);
        lock (_gate)
        {
            server.Ejected = !answer.IsSuccess;
            server.ProbeAt = _time.GetUtcNow() + _probeInterval;
            if (answer.IsSuccess)
            {
                Pulse();
            }
        }

        return answer.IsSuccess;
    }

    internal void Release(GpuServer server)
    {
        lock (_gate)
        {
            server.InFlight--;
            Pulse();
        }
    }

    private void Pulse()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
