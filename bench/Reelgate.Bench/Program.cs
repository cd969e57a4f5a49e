using System.Globalization;
using Reelgate.Bench;
using Reelgate.Bench.Reporting;
using Reelgate.Bench.Suites;

// Usage: Reelgate.Bench all|<suite> [options] (see BenchOptions). One Markdown report goes to bench/results/ (gitignored).
IBenchSuite[] suites = [new ControlPlaneSuite(), new EngineSuite(), new ImagesSuite(), new SoakSuite()];
IBenchSuite[] parts = [new ServerJobSuite()];

switch (args.FirstOrDefault())
{
    case EngineRenderChild.Command:
        return await EngineRenderChild.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
    case EngineRenderChild.BaselineCommand:
        return await EngineRenderChild.RunBaselineAsync(args.Skip(1).ToList(), CancellationToken.None);
    case ImageChild.Command:
        return await ImageChild.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
}

var chosen = args.FirstOrDefault() == "all" ? suites : suites.Concat(parts).Where(s => s.Name == args.FirstOrDefault()).ToArray();
if (chosen.Length == 0)
{
    Console.WriteLine(
        "usage: Reelgate.Bench all|<suite> [--runs N] [--duration S] [--soak-jobs N] [--soak-budget S] [--soak-workers N] [--deadline " +
            "S] [--no-profile]");
    foreach (var s in suites.Concat(parts))
    {
        Console.WriteLine($"  {s.Name,-8} {s.Description}");
    }

    return 2;
}

var options = BenchOptions.Parse(args.Skip(1).ToList());
var machine = await MachineInfo.ReadAsync(CancellationToken.None);
Console.WriteLine($"{machine.CpuModel}, {machine.Cores} cores, load average {machine.LoadAtStart}; {options}");
var report = new BenchReport();
var work = Directory.CreateTempSubdirectory("reelgate-bench-").FullName;
var run = new BenchRun(options, report, work);
var failed = 0;
try
{
    foreach (var suite in chosen)
    {
        Console.WriteLine($"== {suite.Name}: {suite.Description}");
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await suite.RunAsync(run, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failed++;
            Console.WriteLine($"{suite.Name} failed: {e}");
            report.Section($"## {suite.Name}\n\n**The suite failed**: {e.GetType().Name}: {e.Message}\n");
            report.Target(suite.Name, "suite ran to the end", "failed", "runs", false);
        }

        report.Timing(suite.Name, TimeProvider.System.GetElapsedTime(started));
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

var folder = Path.Combine(BenchPaths.RepositoryRoot(), "bench", "results");
Directory.CreateDirectory(folder);
var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var name = chosen.Length == suites.Length ? "report" : string.Join('-', chosen.Select(s => s.Name));
var file = Path.Combine(folder, $"{name}-{stamp}.md");
var title = chosen.Length == suites.Length ? "Reelgate benchmark report" : $"Reelgate benchmark: {name}";
await File.WriteAllTextAsync(file, report.Render(title, machine, MachineInfo.LoadAverage(), run.Elapsed));
Console.WriteLine($"report: {file}");
return failed == 0 ? 0 : 1;
