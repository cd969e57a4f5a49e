using System.Runtime.InteropServices;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>kill(2): lets a child process stop itself (SIGTERM) before it is killed; fcntl(2): widens a pipe.</summary>
internal static partial class UnixSignals
{
    private const int SigTerm = 15;
    private const int SetPipeSize = 1031;

    /// <summary>Asks the process to terminate; false when the signal could not be sent (gone already, or not Unix).</summary>
    public static bool Terminate(int processId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        return Kill(processId, SigTerm) == 0;
    }

    /// <summary>
    /// Asks Linux for a larger pipe buffer (F_SETPIPE_SZ) so a frame crosses to ffmpeg in a few large writes
    /// instead of many 64 KiB ones; false where it is not possible (then the default buffer is used).
    /// </summary>
    public static bool WidenPipe(SafeHandle pipe, int bytes)
    {
        if (!OperatingSystem.IsLinux() || pipe.IsInvalid)
        {
            return false;
        }

        var added = false;
        try
        {
            pipe.DangerousAddRef(ref added);
            return Fcntl((int)pipe.DangerousGetHandle(), SetPipeSize, bytes) > 0;
        }
        finally
        {
            if (added)
            {
                pipe.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
