using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using CliWrap;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Bench.Suites;

/// <summary>
/// One measurement in a process of its own, so that its peak memory is its own. <c>render-child</c>: short
/// untimed warm-up renders until the JIT settles (a running server's JIT is warm too), then the timed render; <c>baseline-child</c>: ffmpeg
/// encoding its own testsrc2 + sine. Each prints key=value lines: elapsed_ms, cpu_self_ms (this process:
/// drawing, YUV, soundtrack), cpu_children_ms (its ffmpeg), peak_rss_kb (VmHWM of this process) and
/// children_peak_rss_kb (the largest ffmpeg's peak, from getrusage).
/// </summary>
internal static partial class EngineRenderChild
{
    public const string Command = "render-child";
    public const string BaselineCommand = "baseline-child";

    /// <summary>A busy scene: the camera zooms (every block changes every frame) through falling snow.</summary>
    public const string BusyPrompt = "a red fox running through falling snow under mountains at dusk, zoom in";

    /// <summary>A calm scene: static camera, no particles; only the subject and the beats move.</summary>
    public const string CalmPrompt = "a red fox by a house on a hill during the day, static camera";

    private const int RusageChildren = -1;
    private const int MaxWarmUpRenders = 10;
    private const int SettledCompilations = 25;

    /// <summary>Arguments: resolution, duration seconds, audio (true/false), output folder, busy|calm.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var prompt = arguments.Count > 4 && arguments[4] == "calm" ? CalmPrompt : BusyPrompt;
        var spec = Spec(arguments[0], int.Parse(arguments[1], CultureInfo.InvariantCulture), bool.Parse(arguments[2]), prompt);
        await WarmUpAsync(spec, Path.Combine(arguments[3], "warm-up"), cancellationToken);
        var (self, children) = (CpuClock.Self(), CpuClock.Children());
        var elapsed = await RenderAsync(spec, arguments[3], cancellationToken);
        Print(elapsed, CpuClock.Self() - self, CpuClock.Children() - children);
        return 0;
    }

    /// <summary>Arguments: width, height, output file. The same codec settings as the engine (preset, CRF, x264 threads, AAC).</summary>
    public static async Task<int> RunBaselineAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var size = $"{arguments[0]}x{arguments[1]}";
        var command = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration=5",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5",
            "-map", "0:v:0", "-map", "1:a:0",
        };
        var options = new FfmpegOptions();
        command.AddRange(FfmpegArguments.VideoCodec(options.Preset, options.Threads));
        command.AddRange([
            "-r",
            "24",
            "-c:a",
            "aac",
            "-b:a",
            "160k",
            "-ar",
            "48000",
            "-ac",
            "2",
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            arguments[2]]);
        var (self, children) = (CpuClock.Self(), CpuClock.Children());
        var started = TimeProvider.System.GetTimestamp();
        await Cli.Wrap("ffmpeg").WithArguments(command).ExecuteAsync(cancellationToken);
        Print(TimeProvider.System.GetElapsedTime(started), CpuClock.Self() - self, CpuClock.Children() - children);
        return 0;
    }

    /// <summary>
    /// Brings the JIT to where a running server's is: the same prompt rendered small (360p, 1 s, so the peak
    /// memory stays the timed render's own) until a render makes the JIT compile next to nothing new, with a
    /// pause after each for tiered compilation to install optimised code in the background. After a single
    /// warm-up render the JIT still spent about 0.3 CPU-s of the timed 1080p render recompiling (perf).
    /// </summary>
    private static async Task WarmUpAsync(GenerationSpec spec, string folder, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxWarmUpRenders; i++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await RenderAsync(spec with { Resolution = "360p", DurationSeconds = 1 }, Path.Combine(folder, $"{i}"), cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            var compiled = JitInfo.GetCompiledMethodCount() - before;
            if (compiled <= SettledCompilations)
            {
                return;
            }
        }
    }

    public static GenerationSpec Spec(string resolution, int duration, bool audio, string prompt = BusyPrompt) =>
        new("pixverse-v5-6", prompt, "t2v", resolution, "16:9",
            duration, audio, null, null, "none", "auto", null, 1234, null, new Dictionary<string, string>());

    public static async Task<TimeSpan> RenderAsync(GenerationSpec spec, string folder, CancellationToken cancellationToken)
    {
        await using var processes = new ChildProcessTracker();
        var engine = new LocalVideoEngine(
            Options.Create(new FfmpegOptions()),
            processes,
            TimeProvider.System,
            NullLogger<LocalVideoEngine>.Instance);
        var job = new RenderJob("job_bench", spec, [], folder, new Progress<int>(), new NoCheckpoint());
        var started = TimeProvider.System.GetTimestamp();
        var outcome = await engine.RenderAsync(job, cancellationToken);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        if (outcome is not RenderOutcome.Rendered)
        {
            throw new InvalidOperationException($"the engine did not render: {outcome}");
        }

        return elapsed;
    }

    private static void Print(TimeSpan elapsed, TimeSpan self, TimeSpan children)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"elapsed_ms={elapsed.TotalMilliseconds:0}"));
        Console.WriteLine(string.Create(c, $"cpu_self_ms={self.TotalMilliseconds:0}"));
        Console.WriteLine(string.Create(c, $"cpu_children_ms={children.TotalMilliseconds:0}"));
        Console.WriteLine(string.Create(c, $"peak_rss_kb={ProcessMeter.PeakRssKb(Environment.ProcessId)}"));
        Console.WriteLine(string.Create(c, $"children_peak_rss_kb={ChildrenPeakRssKb()}"));
    }

    /// <summary>ru_maxrss of RUSAGE_CHILDREN: the peak resident set of the largest child waited for, in KiB.</summary>
    private static long ChildrenPeakRssKb()
    {
        var usage = new long[18];
        return GetRusage(RusageChildren, usage) == 0 ? usage[4] : -1;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, [Out] long[] usage);

    private sealed class NoCheckpoint : IEngineCheckpoint
    {
        public string? Saved => null;

        public Task<bool> SaveAsync(string value, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
