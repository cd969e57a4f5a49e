using System.Globalization;
using System.Text.RegularExpressions;
using Reelgate.Bench.Hosting;

namespace Reelgate.Bench.Reporting;

/// <summary>
/// The server's JIT compilation time so far, from the runtime meter at /metrics
/// (<c>dotnet_jit_compilation_time_seconds_total</c>): a warm-up is over when a round of load compiles next to nothing.
/// </summary>
internal static partial class JitClock
{
    public static async Task<double> SecondsAsync(BenchServer server, CancellationToken cancellationToken)
    {
        using var admin = new ReelgateApi(server.BaseAddress, BenchServer.AdminKey);
        var text = await admin.GetTextAsync("/metrics", cancellationToken);
        var sample = Sample().Match(text);
        return sample.Success
            ? double.Parse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("/metrics has no dotnet_jit_compilation_time_seconds_total");
    }

    [GeneratedRegex(@"^dotnet_jit_compilation_time_seconds_total(\{[^}]*\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
