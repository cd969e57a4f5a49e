using System.Globalization;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>
/// The process's resident memory as Linux reports it (managed heap and libvips' native buffers alike):
/// current (VmRSS) and peak (VmHWM), the peak reset through /proc/self/clear_refs.
/// </summary>
internal static class ProcessMemory
{
    public static long ResidentBytes => Read("VmRSS:");

    public static long PeakResidentBytes => Read("VmHWM:");

    /// <summary>Starts a new peak from the current resident size.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    public static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return ResidentBytes;
    }

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                var kib = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"{field} is not in /proc/self/status");
    }
}
