using System.Runtime.InteropServices;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>kill(2): lets a child process stop itself (SIGTERM) before it is killed.</summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks the process to terminate; false when the signal could not be sent (gone already, or not Unix).</summary>
    public static bool Terminate(int processId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        return Kill(processId, SigTerm) == 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
