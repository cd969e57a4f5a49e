using System.CommandLine;
using Spectre.Console.Rendering;

namespace Reelgate.Cli.Commands;

/// <summary>The list commands (jobs list, usage): --limit N entries, fetched in pages of at most 100, shown as a table.</summary>
public static class PagedListing
{
    public const int DefaultLimit = 20;

    public const int MaxPageSize = 100;

    public static Option<int?> LimitOption(string entries) => new("--limit", "-n")
    {
        Description = $"How many {entries} to show, 1 to 10000; pages are fetched as needed [default: {DefaultLimit}]",
        CustomParser = ValueParsers.WholeNumber("--limit", 1, 10_000),
    };

    /// <summary>Reads as many entries as --limit asks for and prints them: JSON, a note when there are none, or the table.</summary>
    public static async Task<int> ShowAsync<T>(
        CliContext context, Option<int?> limit, Func<int, IAsyncEnumerable<T>> pages, string none,
        Func<IEnumerable<T>, IRenderable> table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(table);
        var wanted = context.Value(limit) ?? DefaultLimit;
        var entries = await pages(Math.Min(wanted, MaxPageSize)).Take(wanted).ToListAsync(cancellationToken);
        return context.Print(entries, terminal =>
        {
            if (entries.Count == 0)
            {
                terminal.Note(none);
            }
            else
            {
                terminal.Render(table(entries));
            }
        });
    }
}
