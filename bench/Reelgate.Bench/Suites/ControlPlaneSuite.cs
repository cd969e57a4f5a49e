using System.Globalization;
using System.Text;
using Reelgate.Bench.Hosting;
using Reelgate.Bench.Load;
using Reelgate.Bench.Profiling;

namespace Reelgate.Bench.Suites;

/// <summary>
/// The control plane against a bare Kestrel endpoint, in the same run: submit (an authenticated POST that
/// reaches a durable queued job; the server has REELGATE_WORKERS=0, so nothing renders) and poll (GET of a job)
/// at 64 and 512 connections, each bounded in time, round after round with the targets interleaved so that
/// the machine's noise falls on all of them alike. SQLite always, then PostgreSQL when REELGATE_TEST_POSTGRES names
/// a server: each database in rounds of its own with the baselines, so that neither's idle server and background
/// work is measured as part of the other. The load comes from two wrk processes of one thread each (on two cores one
/// process of two threads left up to 15% of the bare endpoint's submits unmade); every round checks that a third adds
/// nothing. After SQLite's rounds, a profile of the SQLite server during submits.
/// </summary>
internal sealed class ControlPlaneSuite : IBenchSuite
{
    private static readonly (string Scenario, int Connections)[] Loads = [("submit", 64), ("submit", 512), ("poll", 64), ("poll", 512)];
    private const int Generators = 2;
    private static readonly TimeSpan SubmitWarmUp = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollWarmUp = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan WarmUpRound = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(120);

    /// <summary>JIT time in a round of warm-up below which the server runs its final code (2% of the round).</summary>
    private static readonly double SettledJitSeconds = WarmUpRound.TotalSeconds * 0.02;

    public string Name => "control";

    public string Description =>
        "submit and poll throughput and latency at 64 and 512 connections, against a bare Kestrel endpoint and the slim one " +
            "(the machine's limit)";

    public async Task RunAsync(BenchRun run, CancellationToken cancellationToken)
    {
        var work = run.Folder("control");
        var body = ReelgateApi.CheapJobBody();
        var runs = new List<(int Round, LoadRun Run, string Load)>();
        var checks = new List<(int Round, LoadRun Run)>();
        var warmUps = new List<string>();
        await using var sqlite = BenchServer.Reelgate("SQLite", Path.Combine(work, "sqlite"), workers: 0);
        await sqlite.StartAsync(cancellationToken);
        var sqliteTarget = await Target.ReadyAsync(sqlite, body, () => 0, cancellationToken);
        var jobJson = Path.Combine(work, "job.json");
        await File.WriteAllTextAsync(jobJson, sqliteTarget.JobJson, cancellationToken);
        await using var bare = BenchServer.Bare(jobJson);
        await bare.StartAsync(cancellationToken);
        var bareTarget = new Target("bare", bare, "bare", sqliteTarget.JobId, sqliteTarget.JobJson, () => 0);
        await using var slim = BenchServer.Bare(jobJson, slim: true);
        await slim.StartAsync(cancellationToken);
        var slimTarget = new Target("slim", slim, "slim", bareTarget.JobId, bareTarget.JobJson, () => 0);

        // Each database has its half of the run, with the baselines interleaved in the same rounds: PostgreSQL's own
        // work after its rounds (autovacuum of the jobs table took 0.65 CPU-s of a 3 s SQLite round) is no part of a
        // SQLite deployment, and an idle node of either kind is no part of the other's.
        await MeasureAsync(run, [bareTarget, slimTarget, sqliteTarget], 1, body, runs, checks, warmUps, cancellationToken);
        var profile = run.Options.Profile ? await ProfileAsync(work, body, run.Options.LoadDuration, sqlite, cancellationToken) : null;
        await sqlite.StopAsync();

        BenchDatabase? database = null;
        BenchServer? postgres = null;
        try
        {
            if (BenchDatabase.Server is { } server)
            {
                database = await BenchDatabase.CreateAsync(server, cancellationToken);
                postgres = BenchServer.Reelgate("PostgreSQL", Path.Combine(work, "postgres"), workers: 0, database.ConnectionString);
                await postgres.StartAsync(cancellationToken);
                var postgresTarget = await Target.ReadyAsync(postgres, body, PostgresCpu, cancellationToken);
                await MeasureAsync(
                    run, [bareTarget, slimTarget, postgresTarget], run.Options.Runs + 1, body, runs,
                    checks, warmUps, cancellationToken);
            }
            else
            {
                Console.WriteLine("no PostgreSQL (REELGATE_TEST_POSTGRES unset): SQLite only");
            }

            Report(run, runs.Select(r => r.Run.Target).Distinct().ToList(), runs, checks, profile, postgres is not null, warmUps);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            if (database is not null)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// One database's half: its server warmed up, then <see cref="BenchOptions.Runs"/> rounds numbered from
    /// <paramref name="firstRound"/>, each running every load on every target in turn (the baselines first), so that the
    /// machine's noise falls on all of them alike, and the generator check on the bare endpoint at 64 connections.
    /// </summary>
    private static async Task MeasureAsync(
        BenchRun run,
        IReadOnlyList<Target> targets,
        int firstRound,
        string body,
        List<(int Round, LoadRun Run, string Load)> runs,
        List<(int Round, LoadRun Run)> checks,
        List<string> warmUps,
        CancellationToken cancellationToken)
    {
        // Tiered compilation and dynamic PGO need traffic before the server runs its final code. On a busy machine the
        // JIT kept compiling for 40 s of submits (throughput doubled when it stopped), so a fixed warm-up measured the
        // JIT: Reelgate is loaded in rounds until one compiles next to nothing (the runtime meter at /metrics).
        Console.WriteLine(
            $"warming up at 64 connections: Reelgate at least {SubmitWarmUp.TotalSeconds:0} s of submits and " +
                $"{PollWarmUp.TotalSeconds:0} s of polls, then until a {WarmUpRound.TotalSeconds:0} s round compiles under " +
                $"{SettledJitSeconds:0.00} s (at most {MaxWarmUp.TotalSeconds:0} s); 2 s each on bare and slim");
        foreach (var target in targets)
        {
            foreach (var (scenario, connections) in Loads.Where(l => l.Connections == 64))
            {
                if (IsBaseline(target.Label))
                {
                    var brief = TimeSpan.FromSeconds(2);
                    await LoadAsync(target, scenario, connections, brief, Generators, body, "warm", cancellationToken);
                    continue;
                }

                var minimum = scenario == "submit" ? SubmitWarmUp : PollWarmUp;
                warmUps.Add($"{target.Label} {scenario}: " + await WarmUpAsync(target, scenario, minimum, body, cancellationToken));
                Console.WriteLine("warm: " + warmUps[^1]);
            }
        }

        var bareTarget = targets.First(t => t.Label == "bare");
        for (var round = firstRound; round < firstRound + run.Options.Runs; round++)
        {
            foreach (var (scenario, connections) in Loads)
            {
                foreach (var target in targets)
                {
                    var result = await LoadAsync(
                        target,
                        scenario,
                        connections,
                        run.Options.LoadDuration,
                        Generators,
                        body,
                        $"r{round}",
                        cancellationToken);
                    var load = Reporting.MachineInfo.LoadAverage();
                    runs.Add((round, result, load));
                    Console.WriteLine($"round {round}: {Describe(result)}; load {load}");
                }

                if (connections == 64)
                {
                    // The generator check, in the same round: one more wrk process against the bare endpoint.
                    var check = await LoadAsync(
                        bareTarget,
                        scenario,
                        connections,
                        run.Options.LoadDuration,
                        Generators + 1,
                        body,
                        $"check-r{round}",
                        cancellationToken);
                    checks.Add((round, check));
                    Console.WriteLine($"round {round}: {Generators + 1} wrk: {Describe(check)}");
                }
            }
        }
    }

    /// <summary>Loads the target in rounds until the JIT settles (see <see cref="SettledJitSeconds"/>); says how it went.</summary>
    private static async Task<string> WarmUpAsync(
        Target target, string scenario, TimeSpan minimum, string body, CancellationToken cancellationToken)
    {
        var spent = TimeSpan.Zero;
        while (true)
        {
            var before = await Reporting.JitClock.SecondsAsync(target.Server, cancellationToken);
            await LoadAsync(target, scenario, 64, WarmUpRound, Generators, body, "warm", cancellationToken);
            spent += WarmUpRound;
            var compiling = await Reporting.JitClock.SecondsAsync(target.Server, cancellationToken) - before;
            var settled = compiling < SettledJitSeconds;
            if ((settled && spent >= minimum) || spent >= MaxWarmUp)
            {
                var limit = settled ? string.Empty : " (not settled: stopped at the limit)";
                return string.Create(CultureInfo.InvariantCulture,
                    $"{spent.TotalSeconds:0} s, {compiling:0.00} s of JIT in the last {WarmUpRound.TotalSeconds:0} s{limit}");
            }
        }
    }

    private static string Describe(LoadRun r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Target,-10} {r.Scenario} c={r.Connections}: {r.Rps,8:0} req/s, p50 {r.P50Ms:0.0} ms, p99 {r.P99Ms:0.0} ms, failed " +
            $"{r.Failed}, CPU server {r.ServerCpu:0.0} s db {r.DatabaseCpu:0.0} s wrk {r.GeneratorCpu:0.0} s machine {r.MachineCpu:0.0} s");

    private static Task<LoadRun> LoadAsync(
        Target target,
        string scenario,
        int connections,
        TimeSpan duration,
        int generators,
        string body,
        string tag,
        CancellationToken cancellationToken)
    {
        var url = scenario == "submit"
            ? new Uri(target.Server.BaseAddress, "/v1/videos/generations")
            : new Uri(target.Server.BaseAddress, $"/v1/jobs/{target.JobId}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RG_KEY"] = target.Key,
            ["RG_BODY"] = body,
            ["RG_RUN"] = $"{target.Label}-{tag}-{scenario}-{connections}-{Guid.NewGuid():N}",
        };
        var pid = target.Server.Pid;
        return WrkRunner.RunAsync(target.Label, scenario, url, WrkRunner.Script(scenario + ".lua"), connections, duration, generators,
            environment, () => ProcessMeter.CpuSeconds(pid), target.DatabaseCpu, cancellationToken);
    }

    /// <summary>A profile of the SQLite server during submits at 64 connections: a fresh server on the same data with .NET's perf map on,
    /// sampled system-wide.</summary>
    private static async Task<string?> ProfileAsync(
        string work,
        string body,
        TimeSpan duration,
        BenchServer measured,
        CancellationToken cancellationToken)
    {
        if (!await Perf.AvailableAsync(cancellationToken))
        {
            return null;
        }

        await measured.StopAsync();
        await using var server = BenchServer.Reelgate("SQLite", Path.Combine(work, "sqlite"), workers: 0, perfMap: true);
        await server.StartAsync(cancellationToken);
        var target = await Target.ReadyAsync(server, body, () => 0, cancellationToken);
        await WarmUpAsync(target, "submit", SubmitWarmUp, body, cancellationToken);
        var data = Path.Combine(work, "control.perf");
        var recording = Perf.RecordProcessAsync(server.Pid, data, duration, 499, cancellationToken);
        var result = await LoadAsync(target, "submit", 64, duration, Generators, body, "profile", cancellationToken);
        await recording;
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"perf sampled the SQLite server's threads (499 Hz) during submits at 64 connections: {result.Rps:0} req/s, " +
                $"{result.CpuMicrosPerRequest:0} µs of server CPU a request; ");
        text.Append(
            CultureInfo.InvariantCulture,
            $"the server used {result.ServerCpu / result.Seconds:0.00} CPU-s/s, wrk {result.GeneratorCpu / result.Seconds:0.00}, " +
                $"everything on the machine {result.MachineCpu / result.Seconds:0.00} (of {Environment.ProcessorCount} cores). ");
        text.Append(
            "`[JIT] tid N` is JIT-compiled .NET code (names per method in the symbol table); `pvm_irq_enable` is kernel time in a " +
                "paravirtualised guest (system calls: file I/O, locks, futexes).\n\nBy library:\n\n```\n");
        text.Append(await Perf.ReportAsync(data, "dso", 12, cancellationToken));
        text.Append("```\n\nBy symbol:\n\n```\n");
        text.Append(await Perf.ReportAsync(data, "dso,sym", 30, cancellationToken));
        text.Append("```\n");
        await server.StopAsync();
        DeletePerfMaps(server.Pid);
        return text.ToString();
    }

    private static void DeletePerfMaps(int pid)
    {
        foreach (var file in new[] { $"/tmp/perf-{pid}.map", $"/tmp/perfinfo-{pid}.map" })
        {
            File.Delete(file);
        }
    }

    /// <summary>CPU seconds of the PostgreSQL server (postmaster and its backends) that scripts/test-services.sh started, or 0 when
    /// unknown.</summary>
    private static double PostgresCpu()
    {
        var folder = Environment.GetEnvironmentVariable("REELGATE_TEST_SERVICES_DIR");
        var pidFile = folder is null ? null : Path.Combine(folder, "postgres", "data", "postmaster.pid");
        if (pidFile is null || !File.Exists(pidFile))
        {
            return 0;
        }

        var postmaster = int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture);
        return ProcessMeter.CpuSeconds(postmaster) + ProcessMeter.Children(postmaster).Sum(ProcessMeter.CpuSeconds);
    }

    private static void Report(
        BenchRun run,
        IReadOnlyList<string> labels,
        List<(int Round, LoadRun Run, string Load)> runs,
        IReadOnlyList<(int Round, LoadRun Run)> checks,
        string? profile,
        bool withPostgres,
        IReadOnlyList<string> warmUps)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("## Control plane\n\n");
        text.Append(
            c,
            $"wrk ({Generators} processes of one thread, the connections split between them, `--timeout 10s`) for " +
                $"{run.Options.LoadDuration.TotalSeconds:0} s a run, {run.Options.Runs} rounds a database: first SQLite's (rounds 1-" +
                $"{run.Options.Runs}), then PostgreSQL's with the SQLite server stopped; in each round every load runs on bare, slim and ");
        text.Append(
            "that database's server in turn, so the machine's noise falls on all alike, and PostgreSQL's own work after its rounds " +
                "(autovacuum) does not fall on SQLite's. Figures are medians over the rounds; a fraction is the median of the ");
        text.Append(
            "per-round ratios. **submit**: POST /v1/videos/generations with a key made through the API and a fresh Idempotency-Key per " +
                "request ");
        text.Append(
            "(360p 5 s, no audio), answered 202 with a durable queued job (REELGATE_WORKERS=0: nothing renders); **poll**: GET " +
                "/v1/jobs/{id}. ");
        text.Append("**bare**: bench/Reelgate.Bench.Bare, Kestrel with the server's settings answering the same JSON with no work. ");
        text.Append(
            "**slim**: the same program with `--slim`: `WebApplication.CreateSlimBuilder`, logging off, the POST body parsed as " +
                "JSON: the fastest answer Kestrel gives on this machine, which issue 21's targets are measured against. ");
        text.Append(
            "CPU µs/req is the server's CPU time (plus PostgreSQL's) per request: steadier than throughput on a shared machine. ");
        text.Append("Warm-up (until the JIT settles): " + string.Join("; ", warmUps) + ".\n\n");
        text.Append(
            "| database | load | conns | bare req/s | slim req/s | Reelgate req/s | fraction of bare | fraction of slim | target | " +
                "Reelgate p50 / p99 ms | bare p50 / p99 ms | CPU µs/req Reelgate / bare | failed |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var label in labels.Where(l => !IsBaseline(l)))
        {
            foreach (var (scenario, connections) in Loads)
            {
                var mine = Select(runs, label, scenario, connections);
                var bare = Select(runs, "bare", scenario, connections);
                var slim = Select(runs, "slim", scenario, connections);
                var ofBare = Fraction(runs, label, "bare", scenario, connections);
                var fraction = Fraction(runs, label, "slim", scenario, connections);
                var goal = Goal(label, scenario);
                var p99 = Statistics.Median(mine.Select(r => r.P99Ms));
                text.Append(
                    c,
                    $"| {label} | {scenario} | {connections} | {Statistics.Median(bare.Select(r => r.Rps)):0} | " +
                        $"{Statistics.Median(slim.Select(r => r.Rps)):0} | {Statistics.Median(mine.Select(r => r.Rps)):0} | ");
                text.Append(
                    c,
                    $"{ofBare * 100:0.0}% | {fraction * 100:0.0}% | ≥ {goal * 100:0}% | " +
                        $"{Statistics.Median(mine.Select(r => r.P50Ms)):0.0} / {p99:0.0} | ");
                text.Append(
                    c,
                    $"{Statistics.Median(bare.Select(r => r.P50Ms)):0.0} / {Statistics.Median(bare.Select(r => r.P99Ms)):0.0} | ");
                text.Append(
                    c,
                    $"{Statistics.Median(mine.Select(r => r.CpuMicrosPerRequest)):0} / " +
                        $"{Statistics.Median(bare.Select(r => r.CpuMicrosPerRequest)):0} | {mine.Sum(r => r.Failed)} |\n");
                run.Report.Target("control", $"{label} {scenario} at {connections} conns, fraction of slim", string.Create(
                    c,
                    $"{fraction * 100:0.0}%"),
                    string.Create(c, $"≥ {goal * 100:0}%"), fraction >= goal, string.Create(
                        c,
                        $"{Statistics.Median(mine.Select(r => r.Rps)):0} vs {Statistics.Median(slim.Select(r => r.Rps)):0} req/s " +
                            $"({ofBare * 100:0.0}% of bare)"));
                if (scenario == "submit" && connections == 64)
                {
                    // Issue 21 sets a p99 target for SQLite only; PostgreSQL's is reported next to it.
                    var sqlite = label == "SQLite";
                    run.Report.Target("control", $"{label} submit p99 at 64 conns", string.Create(c, $"{p99:0.0} ms"),
                        sqlite ? "< 20 ms" : "reported", sqlite ? p99 < 20 : null);
                }
            }
        }

        if (!withPostgres)
        {
            text.Append("\nPostgreSQL: not measured (REELGATE_TEST_POSTGRES was not set; scripts/bench.sh starts one).\n");
        }

        text.Append(
            "\nEvery run, in order:\n\n| round | target | load | conns | req/s | p50 ms | p99 ms | failed | CPU s server / db / wrk / " +
                "whole machine | load average after |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var (round, r, load) in runs)
        {
            text.Append(
                c,
                $"| {round} | {r.Target} | {r.Scenario} | {r.Connections} | {r.Rps:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.Failed} | " +
                    $"{r.ServerCpu:0.0} / {r.DatabaseCpu:0.0} / {r.GeneratorCpu:0.0} / {r.MachineCpu:0.0} | {load} |\n");
        }

        text.Append("\n### Is the load generator the bottleneck?\n\n");
        var bareRuns = runs.Where(r => r.Run.Target == "bare").Select(r => r.Run).ToList();
        text.Append(
            c,
            $"During the bare runs wrk used a median {Statistics.Median(bareRuns.Select(r => r.GeneratorCpu / r.Seconds)):0.00} " +
                $"CPU-s/s, the bare server {Statistics.Median(bareRuns.Select(r => r.ServerCpu / r.Seconds)):0.00} CPU-s/s ");
        text.Append(
            c,
            $"and the whole machine {Statistics.Median(bareRuns.Select(r => r.MachineCpu / r.Seconds)):0.00} CPU-s/s, of " +
                $"{Environment.ProcessorCount} cores. ");
        text.Append(
            c,
            $"In every round, right after the measured run on the bare endpoint ({Generators} wrk processes), {Generators + 1} wrk " +
                $"processes ran against it (the same connections split between them); " +
                $"the ratio is the median of the per-round ratios:\n\n");
        text.Append(c, $"| load | {Generators} wrk, median req/s | {Generators + 1} wrk, median req/s | ratio |\n|---|---|---|---|\n");
        foreach (var scenario in checks.Select(x => x.Run.Scenario).Distinct())
        {
            var mine = checks.Where(x => x.Run.Scenario == scenario).ToList();
            var ratio = Statistics.Median(mine.Select(x => x.Run.Rps / runs.First(b => b.Round == x.Round && Matches(
                b.Run,
                "bare",
                scenario,
                64)).Run.Rps));
            var single = Statistics.Median(Select(runs, "bare", scenario, 64).Select(r => r.Rps));
            text.Append(c, $"| {scenario} at 64 | {single:0} | {Statistics.Median(mine.Select(x => x.Run.Rps)):0} | {ratio:0.00} |\n");
            run.Report.Target("control", $"generator check: bare {scenario} at 64, {Generators + 1} wrk / {Generators} wrk", string.Create(
                c,
                $"{ratio:0.00}"),
                "≤ 1.10 (the generator saturates the endpoint)", ratio <= 1.10);
        }

        text.Append(
            "\nA ratio near 1 (or below) means one more generator gets no more out of the endpoint: the generator saturates it, and the " +
                "bare figure is the endpoint's (and the machine's) limit, not wrk's.\n");
        if (profile is not null)
        {
            text.Append("\n### Profile: where a submit's time goes\n\n").Append(profile);
        }

        run.Report.Section(text.ToString());
    }

    private static bool IsBaseline(string label) => label is "bare" or "slim";

    /// <summary>Issue 21's targets against the slim endpoint: PostgreSQL's lower, as its every write is a round trip away.</summary>
    private static double Goal(string label, string scenario) => (label, scenario) switch
    {
        ("PostgreSQL", "submit") => 0.15,
        ("PostgreSQL", _) => 0.40,
        (_, "submit") => 0.25,
        _ => 0.50,
    };

    /// <summary>The median over the rounds of a target's throughput over a baseline's in the same round.</summary>
    private static double Fraction(
        List<(int Round, LoadRun Run, string Load)> runs,
        string label,
        string baseline,
        string scenario,
        int connections) =>
        Statistics.Median(runs.Where(r => Matches(r.Run, label, scenario, connections))
            .Select(r => r.Run.Rps / runs.First(b => b.Round == r.Round && Matches(b.Run, baseline, scenario, connections)).Run.Rps));

    private static bool Matches(LoadRun r, string label, string scenario, int connections) =>
        r.Target == label && r.Scenario == scenario && r.Connections == connections;

    private static List<LoadRun> Select(List<(int Round, LoadRun Run, string Load)> runs, string label, string scenario, int connections) =>
        runs.Select(r => r.Run).Where(r => Matches(r, label, scenario, connections)).ToList();

    /// <summary>A server under load: its label, its key, the job polled, and where its database's CPU time is read.</summary>
    private sealed record Target(string Label, BenchServer Server, string Key, string JobId, string JobJson, Func<double> DatabaseCpu)
    {
        /// <summary>Makes a key through the API and submits one job (the one polled; its JSON is what the bare endpoint answers).</summary>
        public static async Task<Target> ReadyAsync(
            BenchServer server,
            string body,
            Func<double> databaseCpu,
            CancellationToken cancellationToken)
        {
            string key;
            using (var admin = new ReelgateApi(server.BaseAddress, BenchServer.AdminKey))
            {
                key = await admin.CreateKeyAsync("bench", cancellationToken);
            }

            using var api = new ReelgateApi(server.BaseAddress, key);
            var json = await api.SubmitAsync(body, cancellationToken);
            return new Target(server.Name, server, key, ReelgateApi.JobId(json), json, databaseCpu);
        }
    }
}
