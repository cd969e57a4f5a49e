using System.Collections.Concurrent;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// Every ffmpeg the local engine has running, so none outlives its job or the host: on dispose
/// (host shutdown) each is asked to stop, then killed after the grace period.
/// </summary>
public sealed class ChildProcessTracker : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, FfmpegProcess> _running = new();

    /// <summary>The process ids running now (tests poll this to see a cancelled ffmpeg gone).</summary>
    public IReadOnlyCollection<int> RunningProcessIds => _running.Keys.ToList();

    internal void Add(FfmpegProcess process) => _running[process.Id] = process;

    internal void Remove(FfmpegProcess process) => _running.TryRemove(process.Id, out _);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _running.Values.ToList())
        {
            await process.StopAsync();
        }
    }
}
