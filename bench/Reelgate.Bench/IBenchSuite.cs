namespace Reelgate.Bench;

/// <summary>One benchmark suite, chosen by its name on the command line; it prints progress and adds its section and key rows to the run's
/// report.</summary>
internal interface IBenchSuite
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchRun run, CancellationToken cancellationToken);
}
