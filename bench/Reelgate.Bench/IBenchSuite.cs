namespace Reelgate.Bench;

/// <summary>One benchmark suite, chosen by its name on the command line; it prints its figures and returns a Markdown report.</summary>
internal interface IBenchSuite
{
    string Name { get; }

    string Description { get; }

    Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
