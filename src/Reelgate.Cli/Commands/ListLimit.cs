using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>--limit N of the list commands: how many entries to show, fetched in pages of at most 100.</summary>
public static class ListLimit
{
    public const int Default = 20;

    public const int MaxPageSize = 100;

    public static Option<int?> Create(string entries) => new("--limit", "-n")
    {
        Description = $"How many {entries} to show, 1 to 10000; pages are fetched as needed [default: {Default}]",
        CustomParser = ValueParsers.WholeNumber("--limit", 1, 10_000),
    };

    /// <summary>The first entries of a paged listing, as many as --limit asks for.</summary>
    public static Task<List<T>> TakeAsync<T>(
        CliContext context, Option<int?> limit, Func<int, IAsyncEnumerable<T>> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pages);
        var wanted = context.Value(limit) ?? Default;
        return pages(Math.Min(wanted, MaxPageSize)).Take(wanted).ToListAsync(cancellationToken).AsTask();
    }
}
