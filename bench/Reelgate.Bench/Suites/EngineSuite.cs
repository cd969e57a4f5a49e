using System.Diagnostics;
using System.Globalization;
using System.Text;
using CliWrap;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Engines.Local.Planning;
using Reelgate.Engines.Local.Rendering;
using SkiaSharp;

namespace Reelgate.Bench.Suites;

/// <summary>
/// The local engine against the encoding limit: 1080p 5 s with audio rendered by the engine, versus ffmpeg
/// encoding its own testsrc2 + sine at the same size, preset, CRF and length (target ratio ≤ 1.5). Then the
/// peak memory of the rendering process for 720p 5 s and 10 s, each in a child process (target: 10 s
/// within 1.2× of 5 s). Arguments: [--runs N] (default 3; the median counts).
/// </summary>
internal sealed class EngineSuite : IBenchSuite
{
    public string Name => "engine";

    public string Description => "local engine 1080p 5 s vs ffmpeg testsrc2 encode; peak memory 720p 5 s vs 10 s";

    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var runs = arguments.Count >= 2 && arguments[0] == "--runs" ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 3;
        var preset = new FfmpegOptions().Preset;
        var work = Directory.CreateTempSubdirectory("reelgate-bench-").FullName;
        try
        {
            Console.WriteLine($"warming up (360p render), {runs} runs each, preset {preset}, {Environment.ProcessorCount} cores");
            await EngineRenderChild.RenderAsync(EngineRenderChild.Spec("360p", 5, true), Path.Combine(work, "warm"), cancellationToken);

            var engine = new List<double>();
            var baseline = new List<double>();
            var engineCpu = new List<double>();
            var baselineCpu = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var folder = Path.Combine(work, $"engine-{run}");
                var (self, children) = (CpuClock.Self(), CpuClock.Children());
                engine.Add((await EngineRenderChild.RenderAsync(EngineRenderChild.Spec("1080p", 5, true), folder, cancellationToken)).TotalSeconds);
                var selfCpu = CpuClock.Self() - self;
                var childCpu = CpuClock.Children() - children;
                engineCpu.Add((selfCpu + childCpu).TotalSeconds);
                Console.WriteLine($"  engine process {selfCpu.TotalSeconds:0.00} s CPU, its ffmpeg {childCpu.TotalSeconds:0.00} s CPU");
                children = CpuClock.Children();
                baseline.Add((await BaselineAsync(preset, Path.Combine(work, $"baseline-{run}.mp4"), cancellationToken)).TotalSeconds);
                baselineCpu.Add((CpuClock.Children() - children).TotalSeconds);
                Console.WriteLine($"run {run + 1}: engine {engine[^1]:0.00} s ({engineCpu[^1]:0.00} s CPU), ffmpeg testsrc2 {baseline[^1]:0.00} s ({baselineCpu[^1]:0.00} s CPU)");
            }

            // The same comparison for a calm scene: how much of the gap is x264 working on a moving picture.
            var calm = new List<double>();
            var calmCpu = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var (self, children) = (CpuClock.Self(), CpuClock.Children());
                calm.Add((await EngineRenderChild.RenderAsync(EngineRenderChild.Spec("1080p", 5, true, EngineRenderChild.CalmPrompt), Path.Combine(work, $"calm-{run}"), cancellationToken)).TotalSeconds);
                calmCpu.Add((CpuClock.Self() - self + (CpuClock.Children() - children)).TotalSeconds);
                Console.WriteLine($"calm run {run + 1}: engine {calm[^1]:0.00} s ({calmCpu[^1]:0.00} s CPU)");
            }

            var drawOnly = DrawOnly();
            var engineMedian = Median(engine);
            var baselineMedian = Median(baseline);
            var ratio = engineMedian / baselineMedian;
            var cpuRatio = Median(engineCpu) / Median(baselineCpu);
            var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
            Console.WriteLine($"1080p 5 s + audio: engine {engineMedian:0.00} s, ffmpeg testsrc2+sine {baselineMedian:0.00} s, ratio {ratio:0.00}x (target <= 1.5x)");
            Console.WriteLine($"CPU time (user+system, with ffmpeg): engine {Median(engineCpu):0.00} s, baseline {Median(baselineCpu):0.00} s, ratio {cpuRatio:0.00}x; load average {load}");
            Console.WriteLine($"calm scene (static camera, no particles): engine {Median(calm):0.00} s, ratio {Median(calm) / baselineMedian:0.00}x wall, {Median(calmCpu) / Median(baselineCpu):0.00}x CPU");
            Console.WriteLine($"drawing alone (no encode), 120 frames at 1080p: {drawOnly:0.00} s");

            var five = await ChildAsync("720p", 5, Path.Combine(work, "mem5"), cancellationToken);
            var ten = await ChildAsync("720p", 10, Path.Combine(work, "mem10"), cancellationToken);
            var memoryRatio = ten.PeakKb / (double)five.PeakKb;
            Console.WriteLine($"peak RSS of the rendering process, 720p: 5 s {five.PeakKb / 1024.0:0.0} MiB, 10 s {ten.PeakKb / 1024.0:0.0} MiB, ratio {memoryRatio:0.00} (target <= 1.2)");

            var c = CultureInfo.InvariantCulture;
            var report = new StringBuilder();
            report.Append(c, $"# Engine benchmark\n\n{Environment.ProcessorCount} cores, x264 preset `{preset}`, CRF {FfmpegArguments.Crf}, {runs} runs each (median).\n");
            report.Append(c, $"Busy scene: \"{EngineRenderChild.BusyPrompt}\"; calm scene: \"{EngineRenderChild.CalmPrompt}\".\n\n");
            report.Append("| what | seconds |\n|---|---|\n");
            report.Append(c, $"| local engine, 1080p 16:9 5 s + audio | {engineMedian:0.00} ({string.Join(", ", engine.Select(e => e.ToString("0.00", c)))}) |\n");
            report.Append(c, $"| local engine, calm scene (static camera, no particles) | {Median(calm):0.00} ({string.Join(", ", calm.Select(e => e.ToString("0.00", c)))}); CPU {Median(calmCpu):0.00} |\n");
            report.Append(c, $"| ffmpeg testsrc2 + sine, 1920x1080 5 s, same codec settings | {baselineMedian:0.00} ({string.Join(", ", baseline.Select(e => e.ToString("0.00", c)))}) |\n");
            report.Append(c, $"| drawing alone, 120 frames 1080p | {drawOnly:0.00} |\n");
            report.Append(c, $"| CPU time, engine (with its ffmpeg) | {Median(engineCpu):0.00} ({string.Join(", ", engineCpu.Select(e => e.ToString("0.00", c)))}) |\n");
            report.Append(c, $"| CPU time, baseline ffmpeg | {Median(baselineCpu):0.00} ({string.Join(", ", baselineCpu.Select(e => e.ToString("0.00", c)))}) |\n\n");
            report.Append(c, $"**Ratio engine / encoding limit: {ratio:0.00}x wall** (target ≤ 1.5x), {cpuRatio:0.00}x CPU time. Load average at the end: {load} (other work on the machine skews wall times).\n\n");
            report.Append("| 720p render | elapsed s | peak RSS of the rendering process |\n|---|---|---|\n");
            report.Append(c, $"| 5 s | {five.ElapsedMs / 1000.0:0.00} | {five.PeakKb / 1024.0:0.0} MiB |\n");
            report.Append(c, $"| 10 s | {ten.ElapsedMs / 1000.0:0.00} | {ten.PeakKb / 1024.0:0.0} MiB |\n\n");
            report.Append(c, $"**Memory 10 s / 5 s: {memoryRatio:0.00}** (target ≤ 1.2)\n");
            return report.ToString();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<TimeSpan> BaselineAsync(string preset, string output, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=24:duration=5",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=5",
            "-map", "0:v:0", "-map", "1:a:0",
        };
        arguments.AddRange(FfmpegArguments.VideoCodec(preset));
        arguments.AddRange(["-r", "24", "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", "-f", "mp4", output]);
        var started = TimeProvider.System.GetTimestamp();
        await Cli.Wrap("ffmpeg").WithArguments(arguments).ExecuteAsync(cancellationToken);
        return TimeProvider.System.GetElapsedTime(started);
    }

    private static double DrawOnly()
    {
        var plan = ScenePlanner.Plan(EngineRenderChild.Spec("1080p", 5, true));
        using var source = new SceneRenderer(plan);
        using var bitmap = new SKBitmap(new SKImageInfo(plan.Width, plan.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        var started = TimeProvider.System.GetTimestamp();
        for (var frame = 0; frame < plan.FrameCount; frame++)
        {
            source.Draw(canvas, bitmap, frame);
        }

        canvas.Flush();
        return TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<(long PeakKb, double ElapsedMs)> ChildAsync(string resolution, int duration, string folder, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var command = Cli.Wrap(self).WithArguments([EngineRenderChild.Command, resolution, duration.ToString(CultureInfo.InvariantCulture), "true", folder])
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output));
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            command = command.WithArguments([typeof(EngineSuite).Assembly.Location, EngineRenderChild.Command, resolution, duration.ToString(CultureInfo.InvariantCulture), "true", folder]);
        }

        await command.ExecuteAsync(cancellationToken);
        var values = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=')).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
        Debug.Assert(values.ContainsKey("peak_rss_kb"), "the child prints its peak");
        return (long.Parse(values["peak_rss_kb"], CultureInfo.InvariantCulture), double.Parse(values["elapsed_ms"], CultureInfo.InvariantCulture));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
