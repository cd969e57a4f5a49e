using System.Globalization;
using System.Runtime.InteropServices;

namespace Reelgate.Bench;

/// <summary>
/// What /proc says about another process: CPU time (its own, and its waited-for children's such as ffmpeg),
/// resident memory now and at its peak. Zero when the process is gone.
/// </summary>
internal static partial class ProcessMeter
{
    private const int ScClockTick = 2;
    private static readonly double TicksPerSecond = ClockTicks();
    private static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    /// <summary>User + system CPU seconds of the process itself (all its threads).</summary>
    public static double CpuSeconds(int pid) => StatFields(pid) is { } f ? (Tick(f[11]) + Tick(f[12])) : 0;

    /// <summary>User + system CPU seconds of the process's children that it has waited for (ffmpeg, ffprobe).</summary>
    public static double ChildrenCpuSeconds(int pid) => StatFields(pid) is { } f ? (Tick(f[13]) + Tick(f[14])) : 0;

    /// <summary>CPU seconds every process on the machine has used since boot (user, nice, system, irq, softirq, steal of
    /// /proc/stat).</summary>
    public static double MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return BusyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>VmRSS in KiB.</summary>
    public static long RssKb(int pid) => StatusValue(pid, "VmRSS:");

    /// <summary>VmHWM (peak resident set) in KiB.</summary>
    public static long PeakRssKb(int pid) => StatusValue(pid, "VmHWM:");

    /// <summary>The direct children of a process (from /proc/PID/task/*/children).</summary>
    public static IReadOnlyList<int> Children(int pid)
    {
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                children.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(
                    p,
                    CultureInfo.InvariantCulture)));
            }
        }
        catch (IOException)
        {
            // Gone.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read.
        }

        return children;
    }

    /// <summary>The process's name in /proc/PID/comm, or null when it is gone.</summary>
    public static string? Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Tick(string value) => long.Parse(value, CultureInfo.InvariantCulture) / TicksPerSecond;

    /// <summary>The fields of /proc/PID/stat after the command name: index 0 is field 3 (state), 11 utime, 12 stime, 13 cutime, 14
    /// cstime.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long StatusValue(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // Gone.
        }

        return 0;
    }

    private static double ClockTicks()
    {
        var ticks = SysConf(ScClockTick);
        return ticks > 0 ? ticks : 100;
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
