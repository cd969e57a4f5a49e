using System.Globalization;
using System.Text;
using CliWrap;

namespace Reelgate.Bench.Load;

/// <summary>
/// Runs wrk (2 threads, or several wrk processes at once for the generator check) for a fixed time against
/// a URL with one of the Lua scripts in Load/, and reads the RESULT line the script prints.
/// </summary>
internal static class WrkRunner
{
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Load", name);

    /// <param name="target">A label for the report (bare, SQLite, PostgreSQL).</param>
    /// <param name="scenario">submit or poll.</param>
    /// <param name="url">The full URL wrk requests.</param>
    /// <param name="script">The Lua script's path.</param>
    /// <param name="connections">Open connections in all.</param>
    /// <param name="duration">How long wrk runs.</param>
    /// <param name="generators">How many wrk processes share the connections (each with one thread; a single one gets two threads).</param>
    /// <param name="environment">RG_KEY, RG_BODY, RG_RUN for the scripts.</param>
    /// <param name="serverCpu">CPU seconds of the server so far.</param>
    /// <param name="databaseCpu">CPU seconds of its database server so far (0 for SQLite, which runs inside the server).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<LoadRun> RunAsync(
        string target, string scenario, Uri url, string script, int connections, TimeSpan duration, int generators,
        IReadOnlyDictionary<string, string> environment, Func<double> serverCpu, Func<double> databaseCpu,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var threads = generators == 1 ? Math.Min(2, Environment.ProcessorCount) : 1;
        var outputs = Enumerable.Range(0, generators).Select(_ => new StringBuilder()).ToList();
        var (generatorBefore, serverBefore, databaseBefore, machineBefore) = (
            CpuClock.Children(),
            serverCpu(),
            databaseCpu(),
            ProcessMeter.MachineCpuSeconds());
        await Task.WhenAll(outputs.Select(output => Cli.Wrap("wrk")
            .WithArguments([
                "-t", threads.ToString(c), "-c", (connections / generators).ToString(c),
                "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s", "--timeout", "10s", "-s", script, url.ToString(),
            ])
            .WithEnvironmentVariables(environment.ToDictionary(p => p.Key, p => (string?)p.Value))
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync(cancellationToken).Task));
        var generatorCpu = (CpuClock.Children() - generatorBefore).TotalSeconds;
        var server = serverCpu() - serverBefore;
        var database = databaseCpu() - databaseBefore;
        var machine = ProcessMeter.MachineCpuSeconds() - machineBefore;

        var results = outputs.Select(o => Parse(o.ToString())).ToList();
        return new LoadRun(target, scenario, connections, generators,
            results.Sum(r => r["requests"]), results.Max(r => r["duration_us"]) / 1e6,
            results.Sum(r => r["non2xx"]), results.Sum(r => r["socket_errors"]), results.Sum(r => r["timeouts"]),
            results.Max(r => r["p50_us"]) / 1000.0, results.Max(r => r["p90_us"]) / 1000.0, results.Max(r => r["p99_us"]) / 1000.0,
            results.Max(r => r["max_us"]) / 1000.0, generatorCpu, server, database, machine);
    }

    private static Dictionary<string, long> Parse(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no RESULT line:\n{output}");
        return line[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => (long)double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
