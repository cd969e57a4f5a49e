using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate usage [--limit N]: the key's ledger (credits, holds, charges, releases), newest first.</summary>
public static class UsageCommand
{
    public static Command Create(GlobalOptions global)
    {
        var limit = ListLimit.Create("entries");
        var command = new Command("usage", "The key's ledger: credits, holds, charges and releases, newest first") { limit };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var entries = await ListLimit.TakeAsync(
                context, limit, pageSize => context.Client.ListUsageAsync(pageSize, cancellationToken), cancellationToken);
            return context.Print(entries, terminal =>
            {
                if (entries.Count == 0)
                {
                    terminal.Note("No ledger entries.");
                }
                else
                {
                    terminal.Render(CatalogRenderer.Usage(entries));
                }
            });
        });
        return command;
    }
}
