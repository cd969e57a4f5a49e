namespace Reelgate.Server.Workers;

/// <summary>
/// Collects an engine's progress reports (many per second, from any thread) so the worker can write the
/// latest one back at its own pace instead of once per frame.
/// </summary>
public sealed class ProgressReporter : IProgress<int>
{
    private int _latest;
    private int _written;

    public void Report(int value) => Interlocked.Exchange(ref _latest, Math.Clamp(value, 0, 100));

    /// <summary>The latest value when it differs from the last one taken, else null.</summary>
    public int? TakeChange()
    {
        var latest = Volatile.Read(ref _latest);
        return Interlocked.Exchange(ref _written, latest) == latest ? null : latest;
    }
}
