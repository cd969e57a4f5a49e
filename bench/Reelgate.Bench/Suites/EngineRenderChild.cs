using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reelgate.Core.Engines;
using Reelgate.Core.Validation;
using Reelgate.Engines.Local;
using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Bench.Suites;

/// <summary>
/// One render in a process of its own, so its peak memory is its own: prints "elapsed_ms=…" and
/// "peak_rss_kb=…" (VmHWM of this process, the one drawing frames; ffmpeg is a separate process).
/// </summary>
internal static class EngineRenderChild
{
    public const string Command = "render-child";

    /// <summary>Arguments: resolution, duration seconds, audio (true/false), output folder.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var spec = Spec(arguments[0], int.Parse(arguments[1], CultureInfo.InvariantCulture), bool.Parse(arguments[2]));
        var elapsed = await RenderAsync(spec, arguments[3], cancellationToken);
        Console.WriteLine($"elapsed_ms={elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"peak_rss_kb={PeakRssKb()}");
        return 0;
    }

    /// <summary>A busy scene: the camera zooms (every block changes every frame) through falling snow.</summary>
    public const string BusyPrompt = "a red fox running through falling snow under mountains at dusk, zoom in";

    /// <summary>A calm scene: static camera, no particles; only the subject and the beats move.</summary>
    public const string CalmPrompt = "a red fox by a house on a hill during the day, static camera";

    public static GenerationSpec Spec(string resolution, int duration, bool audio, string prompt = BusyPrompt) =>
        new("pixverse-v5-6", prompt, "t2v", resolution, "16:9",
            duration, audio, null, null, "none", "auto", null, 1234, null, new Dictionary<string, string>());

    public static async Task<TimeSpan> RenderAsync(GenerationSpec spec, string folder, CancellationToken cancellationToken)
    {
        await using var processes = new ChildProcessTracker();
        var engine = new LocalVideoEngine(Options.Create(new FfmpegOptions()), processes, TimeProvider.System, NullLogger<LocalVideoEngine>.Instance);
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

    /// <summary>VmHWM from /proc/self/status: the peak resident set of this process, in KiB.</summary>
    public static long PeakRssKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    private sealed class NoCheckpoint : IEngineCheckpoint
    {
        public string? Saved => null;

        public Task<bool> SaveAsync(string value, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
