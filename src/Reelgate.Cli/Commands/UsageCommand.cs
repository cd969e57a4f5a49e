using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate usage [--limit N]: the key's ledger (credits, holds, charges, releases), newest first.</summary>
public static class UsageCommand
{
    public static Command Create(GlobalOptions global)
    {
        var limit = new Option<int?>("--limit", "-n")
        {
            Description = "How many entries to show, 1 to 10000; pages are fetched as needed [default: 20]",
            CustomParser = ValueParsers.WholeNumber("--limit", 1, 10_000),
        };
        var command = new Command("usage", "The key's ledger: credits, holds, charges and releases, newest first") { limit };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var wanted = context.Value(limit) ?? 20;
            var entries =
                await context.Client.ListUsageAsync(Math.Min(wanted, 100), cancellationToken).Take(wanted).ToListAsync(cancellationToken);

            if (context.Json)
            {
                context.Terminal.Json(entries);
            }
            else if (entries.Count == 0)
            {
                context.Terminal.Note("No ledger entries.");
            }
            else
            {
                context.Terminal.Render(CatalogRenderer.Usage(entries));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
