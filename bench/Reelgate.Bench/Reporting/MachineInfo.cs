using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Reelgate.Bench.Reporting;

/// <summary>The machine a run measured: CPU, cores, memory, kernel, OS, .NET, tools, commit, load average.</summary>
internal sealed record MachineInfo(
    string CpuModel, int Cores, double MemoryGiB, string Kernel, string Os, string Dotnet,
    string Ffmpeg, string Wrk, string Commit, string LoadAtStart, string Started)
{
    public static async Task<MachineInfo> ReadAsync(CancellationToken cancellationToken)
    {
        var cpu = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            ?? "?";
        var memKb = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } mem
            ? long.Parse(mem[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) : 0;
        var os = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?[12..].Trim('"')
            ?? "?";
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? (await File.ReadAllTextAsync(
            "/proc/sys/kernel/osrelease",
            cancellationToken)).Trim() : "?";
        var ffmpeg = FirstLine(await RunAsync("ffmpeg", ["-hide_banner", "-version"], cancellationToken));
        var wrk = FirstLine(await RunAsync("wrk", ["-v"], cancellationToken));
        var commit = FirstLine(
            await RunAsync("git", ["-C", BenchPaths.RepositoryRoot(), "log", "-1", "--format=%h %s"], cancellationToken));
        var started = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        return new MachineInfo(
            cpu, Environment.ProcessorCount, memKb / 1024.0 / 1024.0, kernel, os, RuntimeInformation.FrameworkDescription,
            ffmpeg, wrk, commit, LoadAverage(), started);
    }

    /// <summary>The 1, 5 and 15 minute load averages, as /proc/loadavg says them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public string ToMarkdown(string loadAtEnd)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("| machine | |\n|---|---|\n");
        text.Append(c, $"| started | {Started} |\n");
        text.Append(c, $"| CPU | {CpuModel}, {Cores} cores |\n");
        text.Append(c, $"| memory | {MemoryGiB:0.0} GiB |\n");
        text.Append(c, $"| OS, kernel | {Os}, Linux {Kernel} |\n");
        text.Append(c, $"| .NET | {Dotnet} |\n");
        text.Append(c, $"| ffmpeg | {Ffmpeg} |\n");
        text.Append(c, $"| load generator | {Wrk} |\n");
        text.Append(c, $"| commit | {Commit} |\n");
        text.Append(c, $"| load average (1, 5, 15 min) | at start {LoadAtStart}; at end {loadAtEnd} |\n");
        return text.ToString();
    }

    private static IEnumerable<string> Lines(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "?";

    private static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
#pragma warning disable IDISP001 // BufferedCommandResult is not IDisposable; the analyzer sees CommandTask's Dispose
            var result = await Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(
                cancellationToken);
#pragma warning restore IDISP001
            return result.StandardOutput.Length > 0 ? result.StandardOutput : result.StandardError;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "not installed";
        }
    }
}
