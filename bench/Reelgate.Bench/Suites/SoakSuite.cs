using System.Globalization;
using System.Text;
using Reelgate.Bench.Hosting;
using Reelgate.Bench.Profiling;
using Reelgate.Bench.Reporting;

namespace Reelgate.Bench.Suites;

/// <summary>
/// Real renders through one server on SQLite: first the worker count is chosen by measuring 1, 2 and 3
/// workers (each a fresh server, jobs kept queued so no worker waits), then up to --soak-jobs jobs (360p,
/// 5 s, no audio: the cheapest real video) go through a fresh server with that many workers while its RSS is
/// sampled every second. Every job must complete; memory must not grow after the first hundred (the slope
/// of RSS against jobs completed, after job 100). With a time budget the suite stops submitting when it is
/// spent and reports the measured rate instead. The server runs under perf when profiling is on: it and
/// every ffmpeg and ffprobe it starts are sampled (99 Hz).
/// </summary>
internal sealed class SoakSuite : IBenchSuite
{
    private static readonly TimeSpan CalibrationWindow = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(25);
    private static readonly int[] Marks = [1, 50, .. Enumerable.Range(1, 20).Select(i => i * 100)];

    public string Name => "soak";

    public string Description => "1,000 real jobs through one server at the worker count that saturates the cores; RSS slope after job 100";

    public async Task RunAsync(BenchRun run, CancellationToken cancellationToken)
    {
        var work = run.Folder("soak");
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("## Soak\n\n");

        var calibration = new List<(int Workers, double Rate, double Utilisation)>();
        var workers = run.Options.SoakWorkers ?? 0;
        if (workers == 0)
        {
            foreach (var count in new[] { 1, 2, 3 })
            {
                calibration.Add(await CalibrateAsync(work, count, run.Options.SoakPreset, cancellationToken));
                Console.WriteLine(string.Create(
                    c,
                    $"calibration: {count} workers: {calibration[^1].Rate:0.00} jobs/s, CPU {calibration[^1].Utilisation * 100:0}% of " +
                        $"the machine; load {Reporting.MachineInfo.LoadAverage()}"));
            }

            // The fewest workers within 5% of the best rate: more would only add memory and latency.
            var best = calibration.Max(x => x.Rate);
            workers = calibration.First(x => x.Rate >= best * 0.95).Workers;
        }

        TimeSpan? budget = run.Options.SoakBudget is { } given && given > TimeSpan.Zero ? given : null;
        if (run.Options.SoakBudget != TimeSpan.Zero && run.Remaining is { } remaining)
        {
            var left = remaining - Reserve;
            left = left < TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : left;
            budget = budget is { } b && b < left ? b : left;
        }

        var profile = run.Options.Profile && await Perf.AvailableAsync(cancellationToken);
        var perfData = Path.Combine(work, "soak.perf");
        var soak = await SoakAsync(
            work,
            workers,
            run.Options.SoakJobs,
            budget,
            profile ? perfData : null,
            run.Options.SoakPreset,
            cancellationToken);

        text.Append(
            c,
            $"Jobs: 360p 16:9, 5 s, no audio, one prompt with a different seed each (so the plans differ), on SQLite, x264 preset " +
                $"`{run.Options.SoakPreset}` ");
        text.Append("(`Reelgate:Ffmpeg:Preset`; the engine suite measures the shipped one); the server keeps ");
        text.Append(c, $"{workers} + 2 jobs ");
        text.Append(
            "in flight (submitted, not yet final) so no worker waits for work. Each job is a real render: frames drawn, encoded by " +
                "ffmpeg, probed by ffprobe, stored.\n\n");
        if (calibration.Count > 0)
        {
            text.Append(
                c,
                $"**Worker count**: each count measured on a fresh server for {CalibrationWindow.TotalSeconds:0} s; the fewest workers " +
                    $"within 5% of the best rate win.\n\n");
            text.Append("| workers | jobs/s | CPU used (server + its ffmpeg/ffprobe) of the machine |\n|---|---|---|\n");
            foreach (var (count, measured, utilisation) in calibration)
            {
                text.Append(
                    c,
                    $"| {count}{(count == workers ? " (chosen)" : string.Empty)} | {measured:0.00} | {utilisation * 100:0}% |\n");
            }

            text.Append('\n');
        }

        var driver = soak.Driver;
        var rate = driver.Rate();
        var seconds = driver.CompletionTimes.Count > 0 ? driver.CompletionTimes[^1].TotalSeconds : 0;
        text.Append(
            c,
            $"**Run**: {driver.Submitted} jobs submitted, {driver.Completed} completed, {driver.Failures.Count} failed, in {seconds:0} " +
                $"s at {workers} workers: {rate:0.00} jobs/s ");
        text.Append(
            c,
            $"({1 / rate:0.00} s a job; CPU {soak.ServerCpu / Math.Max(1, driver.Completed):0.00} s a job in the server process and " +
                $"{soak.ChildrenCpu / Math.Max(1, driver.Completed):0.00} s in its ffmpeg and ffprobe).");
        if (driver.StoppedByBudget)
        {
            text.Append(
                c,
                $" **Stopped by the time budget** ({budget?.TotalSeconds:0} s) before {run.Options.SoakJobs} jobs: at this rate " +
                    $"{run.Options.SoakJobs} jobs take {run.Options.SoakJobs / rate / 60:0.0} min on this machine (`scripts/bench.sh " +
                    $"--soak-budget 0` runs them all).");
        }

        text.Append("\n\n");
        foreach (var failure in driver.Failures.Take(5))
        {
            text.Append(c, $"- failed: {failure}\n");
        }

        text.Append(soak.Checked);
        var points = soak.Samples.Where(s => s.Completed >= 100).Select(s => ((double)s.Completed, s.RssKb / 1024.0)).ToList();
        var slope = Statistics.Slope(points) * 100;
        text.Append(c, $"\n**Memory**: server RSS sampled every second ({soak.Samples.Count} samples). ");
        if (points.Count >= 10 && driver.Completed >= 150)
        {
            text.Append(
                c,
                $"Slope of RSS against jobs completed after job 100: **{slope:0.00} MB per 100 jobs** ({points.Count} samples, jobs " +
                    $"100–{driver.Completed}).\n\n");
        }
        else
        {
            text.Append(c, $"Too few jobs after the first hundred for a slope ({driver.Completed} completed).\n\n");
        }

        text.Append("| jobs completed | server RSS MiB |\n|---|---|\n");
        foreach (var mark in Marks.Where(m => m <= driver.Completed))
        {
            var sample = soak.Samples.FirstOrDefault(s => s.Completed >= mark);
            if (sample is not null)
            {
                text.Append(c, $"| {mark} | {sample.RssKb / 1024.0:0} |\n");
            }
        }

        if (soak.Samples.Count > 0)
        {
            text.Append(
                c,
                $"| {driver.Completed} (end) | {soak.Samples[^1].RssKb / 1024.0:0} |\n| peak (VmHWM) | {soak.PeakRssKb / 1024.0:0} |\n");
        }

        if (soak.Profile is not null)
        {
            text.Append("\n### Profile of the soak: where a job's time goes\n\n").Append(soak.Profile);
        }

        run.Report.Section(text.ToString());
        run.Report.Target("soak", "real jobs through one server", string.Create(
            c,
            $"{driver.Completed} at {workers} workers, {rate:0.00} jobs/s"),
            string.Create(c, $"{run.Options.SoakJobs}"), driver.Completed >= run.Options.SoakJobs,
            driver.StoppedByBudget ? string.Create(
                c,
                $"stopped by the time budget; {run.Options.SoakJobs} take {run.Options.SoakJobs / rate / 60:0.0} min here") : null);
        run.Report.Target(
            "soak",
            "every job completes",
            string.Create(c, $"{driver.Completed} of {driver.Submitted}"),
            "all",
            driver.Failures.Count == 0 && driver.Completed == driver.Submitted);
        run.Report.Target(
            "soak",
            "server RSS slope after job 100",
            double.IsNaN(slope) || points.Count < 10 ? "too few jobs" : string.Create(c, $"{slope:0.00} MB / 100 jobs"),
            "no growth (≤ 1 MB / 100 jobs)", double.IsNaN(slope) || points.Count < 10 ? null : slope <= 1.0);
    }

    private static async Task<(int Workers, double Rate, double Utilisation)> CalibrateAsync(
        string work,
        int workers,
        string preset,
        CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Reelgate(
            $"soak-{workers}",
            Path.Combine(work, $"calibrate-{workers}"),
            workers,
            x264Preset: preset);
        await server.StartAsync(cancellationToken);
        using var api = await KeyedApiAsync(server, cancellationToken);
        var driver = new SoakDriver(api, workers + 2);
        var cpu = ProcessMeter.CpuSeconds(server.Pid) + ProcessMeter.ChildrenCpuSeconds(server.Pid);
        var started = TimeProvider.System.GetTimestamp();
        await driver.RunAsync(int.MaxValue, CalibrationWindow, cancellationToken);
        var used = ProcessMeter.CpuSeconds(server.Pid) + ProcessMeter.ChildrenCpuSeconds(server.Pid) - cpu;
        var wall = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        return (workers, driver.Rate(), used / wall / Environment.ProcessorCount);
    }

    private static async Task<SoakResult> SoakAsync(
        string work,
        int workers,
        int jobs,
        TimeSpan? budget,
        string? perfData,
        string preset,
        CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Reelgate("soak", Path.Combine(work, "soak"), workers, perfData: perfData, x264Preset: preset);
        await server.StartAsync(cancellationToken);
        using var api = await KeyedApiAsync(server, cancellationToken);
        var driver = new SoakDriver(api, workers + 2);
        var samples = new List<RssSample>();
        var (cpu, children) = (ProcessMeter.CpuSeconds(server.Pid), ProcessMeter.ChildrenCpuSeconds(server.Pid));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = SampleAsync(server.Pid, driver, samples, stop.Token);
        Console.WriteLine(
            $"soak: {jobs} jobs at {workers} workers{(budget is { } b ? $", submitting for at most {b.TotalSeconds:0} s" : string.Empty)}");
        var progress = ProgressAsync(driver, stop.Token);
        await driver.RunAsync(jobs, budget, cancellationToken);
        await stop.CancelAsync();
        await sampler;
        await progress;
        var serverCpu = ProcessMeter.CpuSeconds(server.Pid) - cpu;
        var childrenCpu = ProcessMeter.ChildrenCpuSeconds(server.Pid) - children;
        var peak = ProcessMeter.PeakRssKb(server.Pid);
        var checkedText = await CheckOutputsAsync(api, driver, work, cancellationToken);
        await server.StopAsync();
        string? profile = null;
        if (perfData is not null && File.Exists(perfData))
        {
            profile = await ProfileAsync(perfData, serverCpu, childrenCpu, driver.Completed, cancellationToken);
            foreach (var file in new[] { $"/tmp/perf-{server.Pid}.map", $"/tmp/perfinfo-{server.Pid}.map" })
            {
                File.Delete(file);
            }
        }

        return new SoakResult(driver, samples, serverCpu, childrenCpu, peak, checkedText, profile);
    }

    private static async Task SampleAsync(int pid, SoakDriver driver, List<RssSample> samples, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                samples.Add(new RssSample(
                    TimeProvider.System.GetElapsedTime(started).TotalSeconds,
                    driver.Completed,
                    ProcessMeter.RssKb(pid)));
                await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

    private static async Task ProgressAsync(SoakDriver driver, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), TimeProvider.System, cancellationToken);
                Console.WriteLine(
                    $"  soak: {driver.Completed} completed of {driver.Submitted} submitted; load {Reporting.MachineInfo.LoadAverage()}");
            }
        }
        catch (OperationCanceledException)
        {
            // The soak is over.
        }
    }

    /// <summary>The first and last job's video, downloaded through its output URL and read by ffprobe: a real 640×360 H.264 of 120
    /// frames.</summary>
    private static async Task<string> CheckOutputsAsync(
        ReelgateApi api,
        SoakDriver driver,
        string work,
        CancellationToken cancellationToken)
    {
        if (driver.CompletedIds.Count == 0)
        {
            return "No job completed, so no output was checked.\n";
        }

        var text = new StringBuilder("Outputs checked (downloaded through their URLs, read by ffprobe counting frames):");
        foreach (var id in new[] { driver.CompletedIds[0], driver.CompletedIds[^1] }.Distinct())
        {
            using var job = await api.GetJobAsync(id, cancellationToken);
            var video = job.RootElement.GetProperty("result").GetProperty("outputs").EnumerateArray()
                .First(o => o.GetProperty("type").GetString() == "video");
            var path = Path.Combine(work, $"{id}.mp4");
            await api.DownloadAsync(new Uri(video.GetProperty("url").GetString()!), path, cancellationToken);
            var probed = await OutputProbe.ReadAsync(path, cancellationToken);
            text.Append(
                CultureInfo.InvariantCulture,
                $" {id}: {probed.Codec} {probed.Width}×{probed.Height}, {probed.Frames} frames, {probed.Duration:0.00} s, " +
                    $"{probed.Size / 1024} KiB;");
        }

        return text.ToString().TrimEnd(';') + ".\n";
    }

    private static async Task<string> ProfileAsync(
        string perfData,
        double serverCpu,
        double childrenCpu,
        int completed,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var total = serverCpu + childrenCpu;
        text.Append(
            c,
            $"CPU time over the soak (from /proc): the server process {serverCpu:0} s ({serverCpu / total * 100:0}%), the ffmpeg and " +
                $"ffprobe processes it ran {childrenCpu:0} s ({childrenCpu / total * 100:0}%); ");
        text.Append(
            c,
            $"{total / Math.Max(1, completed):0.00} CPU-s a job in all. perf sampled the server and every process it started (99 Hz):\n\n");
        text.Append("By process and library:\n\n```\n");
        text.Append(await Perf.ReportAsync(perfData, "comm,dso", 16, cancellationToken));
        text.Append("```\n\nBy symbol:\n\n```\n");
        text.Append(await Perf.ReportAsync(perfData, "comm,dso,sym", 30, cancellationToken));
        text.Append("```\n");
        return text.ToString();
    }

    private static async Task<ReelgateApi> KeyedApiAsync(BenchServer server, CancellationToken cancellationToken)
    {
        using var admin = new ReelgateApi(server.BaseAddress, BenchServer.AdminKey);
        return new ReelgateApi(server.BaseAddress, await admin.CreateKeyAsync("soak", cancellationToken));
    }

    private sealed record RssSample(double Seconds, int Completed, long RssKb);

    private sealed record SoakResult(
        SoakDriver Driver,
        List<RssSample> Samples,
        double ServerCpu,
        double ChildrenCpu,
        long PeakRssKb,
        string Checked,
        string? Profile);
}
