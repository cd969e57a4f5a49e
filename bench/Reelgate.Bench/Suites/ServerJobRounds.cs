using System.Globalization;
using System.Text;
using System.Text.Json;
using Reelgate.Bench.Hosting;
using Reelgate.Bench.Reporting;
using Reelgate.Engines.Local.Planning;

namespace Reelgate.Bench.Suites;

/// <summary>
/// What a user waits for: a 1080p 5 s job with audio (the engine suite's busy prompt) through the built server (SQLite, one
/// worker, the local engine), from the job's started_at to its completed_at, against ffmpeg's own testsrc2+sine encode at
/// the same size, preset, threads, CRF and length (<see cref="EngineRenderChild.RunBaselineAsync"/>). One untimed warm-up
/// job first, then one job at a time, job and baseline alternating. The server's step histogram (/metrics, admin key) is
/// scraped after each round: what each step of that job took.
/// </summary>
internal static class ServerJobRounds
{
    /// <summary>The steps inside started_at..completed_at, in the order a job goes through them.</summary>
    private static readonly string[] Steps = ["claim", "stage", "checkpoint", "render", "probe", "store"];

    public static async Task RunAsync(BenchRun run, string work, CancellationToken cancellationToken)
    {
        await using var server = BenchServer.Reelgate("engine-job", Path.Combine(work, "server"), workers: 1);
        await server.StartAsync(cancellationToken);
        using var admin = new ReelgateApi(server.BaseAddress, BenchServer.AdminKey);
        using var api = new ReelgateApi(server.BaseAddress, await admin.CreateKeyAsync("engine", cancellationToken));
        var plan = ScenePlanner.Plan(EngineRenderChild.Spec("1080p", 5, true));

        var warmUp = await JobAsync(api, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server job warm-up: {warmUp.RunMs / 1000:0.00} s"));

        // The last step (complete) is recorded just after the job reads as completed: give it a moment before the first scrape.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var scraped = StepMetrics.Parse(await admin.GetTextAsync("/metrics", cancellationToken));
        var rounds = new List<Round>();
        for (var i = 0; i < run.Options.Runs; i++)
        {
            var job = await JobAsync(api, cancellationToken);
            var baseline = await ChildMeasurement.RunAsync(
                [EngineRenderChild.BaselineCommand, $"{plan.Width}", $"{plan.Height}", Path.Combine(work, $"job-baseline-{i}.mp4")],
                "elapsed_ms",
                cancellationToken);
            var now = StepMetrics.Parse(await admin.GetTextAsync("/metrics", cancellationToken));
            rounds.Add(new Round(job.QueuedMs, job.RunMs, baseline["elapsed_ms"], now.MillisecondsSince(scraped)));
            scraped = now;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"round {i + 1} server job 1080p: started→completed {job.RunMs / 1000:0.00} s, ffmpeg testsrc2 " +
                    $"{baseline["elapsed_ms"] / 1000:0.00} s; load {MachineInfo.LoadAverage()}"));
        }

        Report(run, rounds);
    }

    private static void Report(BenchRun run, List<Round> rounds)
    {
        var c = CultureInfo.InvariantCulture;
        var ratio = Statistics.Median(rounds.Select(r => r.RunMs / r.BaselineMs));
        var render = Statistics.Median(rounds.Select(r => r.Steps.GetValueOrDefault("render")));
        var own = Statistics.Median(rounds.Select(r => r.RunMs - r.Steps.GetValueOrDefault("render")));
        var text = new StringBuilder();
        text.Append(
            c,
            $"### A job through the server\n\nA 1080p 5 s job with audio (the busy prompt, seed 1234) submitted to the built server " +
                $"(SQLite, one worker, the local engine), one at a time after one untimed warm-up job; its time from `started_at` to " +
                $"`completed_at` against ffmpeg's own testsrc2+sine encode at the same settings, job and baseline alternating, " +
                $"{rounds.Count} rounds. Steps: the server's `reelgate.job.step.duration` histogram (/metrics) per job; " +
                $"`complete` is the final write, which starts at `completed_at` and so lies outside the window.\n\n");
        text.Append("| round | queued s | started→completed s | ffmpeg testsrc2+sine s | ratio | " +
            string.Join(" | ", Steps.Select(s => s + " ms")) + " | complete ms | not in a step ms |\n");
        text.Append("|---|---|---|---|---|" + string.Concat(Steps.Select(_ => "---|")) + "---|---|\n");
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            text.Append(
                c,
                $"| {i + 1} | {r.QueuedMs / 1000:0.00} | {r.RunMs / 1000:0.00} | {r.BaselineMs / 1000:0.00} | " +
                    $"{r.RunMs / r.BaselineMs:0.00}× | ");
            text.AppendJoin(" | ", Steps.Select(s => r.Steps.TryGetValue(s, out var ms) ? ms.ToString("0", c) : "–"));
            var outside = r.RunMs - Steps.Sum(s => r.Steps.GetValueOrDefault(s));
            text.Append(c, $" | {r.Steps.GetValueOrDefault("complete"):0} | {outside:0} |\n");
        }

        text.Append(
            c,
            $"\nMedian: **{ratio:0.00}×** ffmpeg's encode; the server's own steps (started→completed less the render) " +
                $"{own:0} ms, **{own / render:0.00}** of the render's {render:0} ms (target ≤ 0.10).\n");
        run.Report.Target(
            "engine",
            "1080p 5 s + audio job through the server, started→completed / ffmpeg testsrc2+sine (wall)",
            string.Create(c, $"{ratio:0.00}×"),
            "–",
            null,
            string.Create(c, $"render {render / 1000:0.00} s, the server's own steps {own:0} ms"));
        run.Report.Target(
            "engine",
            "1080p job: the server's own steps / the render",
            string.Create(c, $"{own / render:0.00}"),
            "≤ 0.10",
            own / render <= 0.10);
        run.Report.Section(text.ToString());
    }

    /// <summary>Submits the 1080p job and polls it to its end; its queue wait and its started→completed time in ms.</summary>
    private static async Task<(double QueuedMs, double RunMs)> JobAsync(ReelgateApi api, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["model"] = "pixverse-v5-6",
            ["prompt"] = EngineRenderChild.BusyPrompt,
            ["resolution"] = "1080p",
            ["duration"] = 5,
            ["audio"] = true,
            ["seed"] = 1234,
        });
        var jobId = ReelgateApi.JobId(await api.SubmitAsync(body, cancellationToken));
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromMinutes(5))
        {
            using var job = await api.GetJobAsync(jobId, cancellationToken);
            var root = job.RootElement;
            switch (root.GetProperty("status").GetString())
            {
                case "completed":
                    var created = root.GetProperty("created_at").GetDateTimeOffset();
                    var started = root.GetProperty("started_at").GetDateTimeOffset();
                    var completed = root.GetProperty("completed_at").GetDateTimeOffset();
                    return ((started - created).TotalMilliseconds, (completed - started).TotalMilliseconds);
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"the benchmark's job ended {root.GetRawText()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"job {jobId} did not complete within 5 minutes");
    }

    private sealed record Round(double QueuedMs, double RunMs, double BaselineMs, IReadOnlyDictionary<string, double> Steps);
}
