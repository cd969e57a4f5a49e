using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Reelgate.Bench;

/// <summary>
/// CPU time (user + system) of this process and of its finished children (getrusage RUSAGE_CHILDREN:
/// ffmpeg once it has been waited for). On a shared, busy machine CPU time is steadier than wall time.
/// </summary>
internal static partial class CpuClock
{
    private const int RusageChildren = -1;

    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan Children()
    {
        var usage = default(Rusage);
        if (GetRusage(RusageChildren, ref usage) != 0)
        {
            return TimeSpan.Zero;
        }

        var micros = ((usage.UserSeconds + usage.SystemSeconds) * 1_000_000) + usage.UserMicros + usage.SystemMicros;
        return TimeSpan.FromMicroseconds(micros);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, ref Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }
}
