using System.ComponentModel;
using System.Diagnostics;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// One running ffmpeg, tracked while it runs: frames go in through <see cref="Input"/>, the last lines
/// of its stderr are kept for error messages, and <see cref="StopAsync"/> asks (SIGTERM) before it kills.
/// </summary>
internal sealed class FfmpegProcess : IAsyncDisposable
{
    private const int TailLines = 12;
    private const int PipeBytes = 1 << 20;

    private readonly Process _process;
    private readonly ChildProcessTracker _tracker;
    private readonly TimeSpan _grace;
    private readonly TimeProvider _time;
    private readonly Queue<string> _errorTail = new();
    private readonly Task _errorPump;

    private FfmpegProcess(Process process, ChildProcessTracker tracker, TimeSpan grace, TimeProvider time)
    {
        _process = process;
        _tracker = tracker;
        _grace = grace;
        _time = time;
        Id = process.Id;
        _tracker.Add(this);
        _errorPump = PumpErrorsAsync();
    }

    public int Id { get; }

    /// <summary>ffmpeg's stdin.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The last lines ffmpeg wrote to stderr.</summary>
    public string ErrorTail
    {
        get
        {
            lock (_errorTail)
            {
                return string.Join(" | ", _errorTail);
            }
        }
    }

    /// <summary>Starts ffmpeg; throws when the executable cannot be started (broken infrastructure, not a job failure).</summary>
    public static FfmpegProcess Start(
        string executable, IReadOnlyList<string> arguments, ChildProcessTracker tracker, TimeSpan grace, TimeProvider time)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"ffmpeg could not be started from '{executable}': {e.Message}", e);
        }

        if (process.StandardInput.BaseStream is FileStream { SafeFileHandle: { } handle })
        {
            UnixSignals.WidenPipe(handle, PipeBytes);
        }
        else if (process.StandardInput.BaseStream is System.IO.Pipes.PipeStream { SafePipeHandle: { } pipe })
        {
            UnixSignals.WidenPipe(pipe, PipeBytes);
        }

        return new FfmpegProcess(process, tracker, grace, time);
    }

    /// <summary>Closes stdin so ffmpeg sees the end of the frames, then waits for it to finish.</summary>
    public async Task<int> CompleteAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.BaseStream.FlushAsync(cancellationToken);
        _process.StandardInput.Close();
        await _process.WaitForExitAsync(cancellationToken);
        await _errorPump;
        return _process.ExitCode;
    }

    /// <summary>Asks ffmpeg to stop (SIGTERM), waits the grace period, then kills it; returns once it is gone.</summary>
    public async Task StopAsync()
    {
        if (HasExited())
        {
            return;
        }

        UnixSignals.Terminate(Id);
        using (var grace = new CancellationTokenSource(_grace, _time))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // It did not stop when asked.
            }
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _tracker.Remove(this);
        try
        {
            await _errorPump;
        }
        catch (IOException)
        {
            // The pipe broke with the process; nothing left to read.
        }

        _process.Dispose();
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private async Task PumpErrorsAsync()
    {
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_errorTail)
            {
                _errorTail.Enqueue(line);
                while (_errorTail.Count > TailLines)
                {
                    _errorTail.Dequeue();
                }
            }
        }
    }
}
