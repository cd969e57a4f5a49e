using Reelgate.Bench.Reporting;

namespace Reelgate.Bench;

/// <summary>What a suite gets: the options, the report it adds to, a work folder, and the time left before the run's deadline.</summary>
internal sealed class BenchRun(BenchOptions options, BenchReport report, string workDirectory)
{
    private readonly long _started = TimeProvider.System.GetTimestamp();

    public BenchOptions Options { get; } = options;

    public BenchReport Report { get; } = report;

    public TimeSpan Elapsed => TimeProvider.System.GetElapsedTime(_started);

    /// <summary>Time left before the deadline (null without one).</summary>
    public TimeSpan? Remaining => Options.Deadline is { } deadline ? deadline - Elapsed : null;

    /// <summary>A fresh folder under the run's work folder (deleted with it at the end).</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(workDirectory, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
