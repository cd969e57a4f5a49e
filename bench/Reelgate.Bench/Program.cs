using System.Globalization;
using Reelgate.Bench;
using Reelgate.Bench.Suites;

// Usage: Reelgate.Bench <suite> [arguments]. Reports go to bench/results/ (gitignored).
IBenchSuite[] suites = [new EngineSuite()];

if (args.Length >= 1 && args[0] == EngineRenderChild.Command)
{
    return await EngineRenderChild.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
}

var suite = args.Length == 0 ? null : suites.FirstOrDefault(s => s.Name == args[0]);
if (suite is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/Reelgate.Bench -- <suite>");
    foreach (var s in suites)
    {
        Console.WriteLine($"  {s.Name,-10} {s.Description}");
    }

    return 2;
}

var report = await suite.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
var folder = Path.Combine(BenchPaths.RepositoryRoot(), "bench", "results");
Directory.CreateDirectory(folder);
var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var file = Path.Combine(folder, $"{suite.Name}-{stamp}.md");
await File.WriteAllTextAsync(file, report);
Console.WriteLine($"report: {file}");
return 0;
