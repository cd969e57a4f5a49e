using System.Globalization;
using System.Text;
using Reelgate.Engines.Local.Encoding;
using Reelgate.Engines.Local.Planning;
using Reelgate.Engines.Local.Rendering;
using SkiaSharp;

namespace Reelgate.Bench.Suites;

/// <summary>
/// The local engine against the encoding limit: seconds per 5 s clip with audio at 360p, 720p and 1080p,
/// rendered by the engine, versus ffmpeg encoding its own testsrc2 + sine at the same size, preset, CRF and
/// length (target ratio ≤ 1.5 at every size), each measurement in a process of its own (peak memory of the
/// rendering process and of its ffmpeg), engine and baseline alternating. Also: a calm scene at 1080p (how
/// much of the gap is x264 working on a moving picture), drawing alone per size, and the peak memory of a
/// 720p 10 s render against 5 s (memory must not grow with the clip's length). Last, a 1080p job through the server
/// (<see cref="ServerJobRounds"/>): what a user waits for, step by step.
/// </summary>
internal sealed class EngineSuite : IBenchSuite
{
    private static readonly string[] Sizes = ["360p", "720p", "1080p"];

    public string Name => "engine";

    public string Description =>
        "local engine 360p/720p/1080p 5 s + audio vs ffmpeg's testsrc2+sine encode; peak memory; a 1080p job through the server";

    public async Task RunAsync(BenchRun run, CancellationToken cancellationToken)
    {
        var runs = run.Options.Runs;
        var preset = new FfmpegOptions().Preset;
        var work = run.Folder("engine");
        Console.WriteLine($"{runs} runs each, preset {preset}, {Environment.ProcessorCount} cores");

        var engine = Sizes.ToDictionary(s => s, _ => new List<Dictionary<string, double>>(), StringComparer.Ordinal);
        var baseline = Sizes.ToDictionary(s => s, _ => new List<Dictionary<string, double>>(), StringComparer.Ordinal);
        var calm = new List<Dictionary<string, double>>();
        for (var i = 0; i < runs; i++)
        {
            foreach (var size in Sizes)
            {
                var plan = ScenePlanner.Plan(EngineRenderChild.Spec(size, 5, true));
                engine[size].Add(await ChildMeasurement.RunAsync(
                    [EngineRenderChild.Command, size, "5", "true", Path.Combine(work, $"{size}-{i}"), "busy"],
                    "elapsed_ms",
                    cancellationToken));
                baseline[size].Add(await ChildMeasurement.RunAsync(
                    [EngineRenderChild.BaselineCommand, $"{plan.Width}", $"{plan.Height}", Path.Combine(work, $"baseline-{size}-{i}.mp4")],
                    "elapsed_ms",
                    cancellationToken));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {i + 1} {size}: engine {engine[size][^1]["elapsed_ms"] / 1000:0.00} s, ffmpeg testsrc2 " +
                        $"{baseline[size][^1]["elapsed_ms"] / 1000:0.00} s; load {Reporting.MachineInfo.LoadAverage()}"));
            }

            calm.Add(await ChildMeasurement.RunAsync(
                [EngineRenderChild.Command, "1080p", "5", "true", Path.Combine(work, $"calm-{i}"), "calm"],
                "elapsed_ms",
                cancellationToken));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"run {i + 1} 1080p calm scene: {calm[^1]["elapsed_ms"] / 1000:0.00} s"));
        }

        var tenSeconds = await ChildMeasurement.RunAsync(
            [EngineRenderChild.Command, "720p", "10", "true", Path.Combine(work, "720p-10s"), "busy"],
            "elapsed_ms",
            cancellationToken);
        var drawing = Sizes.ToDictionary(s => s, DrawOnly, StringComparer.Ordinal);
        Report(run, preset, engine, baseline, calm, tenSeconds, drawing);
        await ServerJobRounds.RunAsync(run, run.Folder("engine-job"), cancellationToken);
    }

    private static void Report(
        BenchRun run,
        string preset,
        Dictionary<string, List<Dictionary<string, double>>> engine,
        Dictionary<string, List<Dictionary<string, double>>> baseline,
        List<Dictionary<string, double>> calm, Dictionary<string, double> tenSeconds, Dictionary<string, double> drawing)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(
            c,
            $"## Engine\n\nThe local engine renders a busy scene (\"{EngineRenderChild.BusyPrompt}\": the camera moves every block " +
                $"every frame) ");
        text.Append(
            c,
            $"5 s at 24 fps with audio, 16:9; the baseline is ffmpeg encoding its own `testsrc2` + `sine` at the same size, x264 preset " +
                $"`{preset}`, {new FfmpegOptions().Threads} x264 threads, CRF {FfmpegArguments.Crf}, AAC 160k, same length. ");
        text.Append(
            c,
            $"Each measurement runs in a process of its own (the engine's after untimed 360p warm-up renders of the same prompt, until " +
                $"the JIT settles, as in a running server), engine and baseline alternating; medians of {run.Options.Runs} runs. ");
        text.Append("Peak memory: VmHWM of the rendering process, and ru_maxrss of its largest child (ffmpeg).\n\n");
        text.Append(
            "| size | engine s | ffmpeg testsrc2+sine s | ratio (wall) | target | CPU s engine (process + its ffmpeg) / baseline | " +
                "ratio (CPU) | peak RSS rendering process | peak RSS ffmpeg engine / baseline | drawing alone, 120 frames |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var size in Sizes)
        {
            var e = engine[size];
            var b = baseline[size];
            var ratio = Statistics.Median(e.Zip(b, (x, y) => x["elapsed_ms"] / y["elapsed_ms"]));
            var cpuEngine = Statistics.Median(e.Select(x => (x["cpu_self_ms"] + x["cpu_children_ms"]) / 1000));
            var cpuSelf = Statistics.Median(e.Select(x => x["cpu_self_ms"] / 1000));
            var cpuBaseline = Statistics.Median(b.Select(x => x["cpu_children_ms"] / 1000));
            text.Append(
                c,
                $"| {size} | {Statistics.Median(e.Select(x => x["elapsed_ms"] / 1000)):0.00} ({Join(e, "elapsed_ms")}) | " +
                    $"{Statistics.Median(b.Select(x => x["elapsed_ms"] / 1000)):0.00} ({Join(b, "elapsed_ms")}) | ");
            text.Append(
                c,
                $"**{ratio:0.00}×** | ≤ 1.5× | {cpuEngine:0.00} (process {cpuSelf:0.00}) / {cpuBaseline:0.00} | " +
                    $"{cpuEngine / cpuBaseline:0.00}× | ");
            text.Append(
                c,
                $"{Statistics.Median(e.Select(x => x["peak_rss_kb"])) / 1024:0} MiB | " +
                    $"{Statistics.Median(e.Select(x => x["children_peak_rss_kb"])) / 1024:0} / " +
                    $"{Statistics.Median(b.Select(x => x["children_peak_rss_kb"])) / 1024:0} MiB | {drawing[size]:0.00} s |\n");
            run.Report.Target(
                "engine",
                $"{size} 5 s + audio, engine / ffmpeg testsrc2+sine (wall)",
                string.Create(c, $"{ratio:0.00}×"),
                "≤ 1.5×",
                ratio <= 1.5,
                string.Create(
                    c,
                    $"CPU {cpuEngine / cpuBaseline:0.00}×; peak RSS {Statistics.Median(e.Select(x => x["peak_rss_kb"])) / 1024:0} MiB + " +
                        $"ffmpeg {Statistics.Median(e.Select(x => x["children_peak_rss_kb"])) / 1024:0} MiB"));
        }

        var calmRatio = Statistics.Median(calm.Zip(baseline["1080p"], (x, y) => x["elapsed_ms"] / y["elapsed_ms"]));
        var calmCpu = Statistics.Median(calm.Select(x => (x["cpu_self_ms"] + x["cpu_children_ms"]) / 1000));
        text.Append(
            c,
            $"\nCalm scene at 1080p (\"{EngineRenderChild.CalmPrompt}\": static camera, no particles): " +
                $"{Statistics.Median(calm.Select(x => x["elapsed_ms"] / 1000)):0.00} s, ");
        text.Append(
            c,
            $"**{calmRatio:0.00}×** the baseline's wall time, CPU {calmCpu:0.00} s " +
                $"({calmCpu / Statistics.Median(baseline["1080p"].Select(x => x["cpu_children_ms"] / 1000)):0.00}×).\n\n");

        var five = Statistics.Median(engine["720p"].Select(x => x["peak_rss_kb"]));
        var memoryRatio = tenSeconds["peak_rss_kb"] / five;
        text.Append(
            c,
            $"Memory against the clip's length, 720p: peak RSS of the rendering process 5 s {five / 1024:0.0} MiB, 10 s " +
                $"{tenSeconds["peak_rss_kb"] / 1024:0.0} MiB: **{memoryRatio:0.00}** (target ≤ 1.2).\n");
        run.Report.Target(
            "engine",
            "peak RSS 720p 10 s / 5 s (rendering process)",
            string.Create(c, $"{memoryRatio:0.00}"),
            "≤ 1.2",
            memoryRatio <= 1.2);
        run.Report.Section(text.ToString());
    }

    private static string Join(List<Dictionary<string, double>> values, string key) =>
        string.Join(", ", values.Select(v => (v[key] / 1000).ToString("0.00", CultureInfo.InvariantCulture)));

    /// <summary>Seconds to draw the busy scene's 120 frames at a size into one bitmap, no conversion, no encode.</summary>
    private static double DrawOnly(string size)
    {
        var plan = ScenePlanner.Plan(EngineRenderChild.Spec(size, 5, true));
        using var source = new SceneRenderer(plan);
        using var bitmap = new SKBitmap(new SKImageInfo(plan.Width, plan.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        source.Draw(canvas, bitmap, 0);
        var started = TimeProvider.System.GetTimestamp();
        for (var frame = 0; frame < plan.FrameCount; frame++)
        {
            source.Draw(canvas, bitmap, frame);
        }

        canvas.Flush();
        return TimeProvider.System.GetElapsedTime(started).TotalSeconds;
    }
}
