namespace Reelgate.Cli.Output;

/// <summary>An <see cref="IProgress{T}"/> that acts at once on the reporting thread (Progress&lt;T&gt; posts, and may run late).</summary>
public sealed class SyncProgress<T>(Action<T> onReport) : IProgress<T>
{
    public void Report(T value) => onReport(value);
}
