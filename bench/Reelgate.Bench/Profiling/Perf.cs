using System.Globalization;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Reelgate.Bench.Profiling;

/// <summary>
/// Linux perf, where it is installed and allowed: sampling a running process for a while, and flat reports (no call
/// graphs) sorted by process, library and symbol. JIT-compiled .NET methods are named when the profiled
/// server ran with DOTNET_PerfMapEnabled=1 (see BenchServer).
/// </summary>
internal static class Perf
{
    private static bool? _available;

    public static async Task<bool> AvailableAsync(CancellationToken cancellationToken)
    {
        if (_available is { } known)
        {
            return known;
        }

        try
        {
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
            var result = await Cli.Wrap("perf").WithArguments(["record", "-q", "-o", "/dev/null", "--", "true"])
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
            _available = result.ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            _available = false;
        }

        return _available.Value;
    }

    /// <summary>Samples the threads of process <paramref name="pid"/> at <paramref name="frequency"/> Hz for <paramref name="duration"/>,
    /// into <paramref name="output"/>.</summary>
    public static Task RecordProcessAsync(int pid, string output, TimeSpan duration, int frequency, CancellationToken cancellationToken) =>
        Cli.Wrap("perf")
            .WithArguments(["record", "-p", pid.ToString(CultureInfo.InvariantCulture), "-q", "-F", frequency.ToString(
                CultureInfo.InvariantCulture), "-o", output, "--", "sleep",
                duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)])
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(cancellationToken).Task;

    /// <summary>
    /// The top <paramref name="lines"/> rows of a flat report sorted by <paramref name="sort"/> (e.g. "comm,dso");
    /// each row: percent of the samples, then the keys.
    /// </summary>
    public static async Task<string> ReportAsync(string data, string sort, int lines, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "report", "-i", data, "--stdio", "--no-children", "--sort", sort, "--percent-limit", "0.5" };

#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
        var result = await Cli.Wrap("perf").WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
#pragma warning restore IDISP001
        var text = new StringBuilder();
        var samples = result.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("# Samples:", StringComparison.Ordinal));
        if (samples is not null)
        {
            text.Append(samples.TrimStart('#', ' ')).Append('\n');
        }

        foreach (var line in result.StandardOutput.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Take(lines))
        {
            text.Append(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }

        return text.Length > 0 ? text.ToString() : $"(perf report printed nothing: {result.StandardError.Trim()})\n";
    }
}
