using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate usage [--limit N]: the key's ledger (credits, holds, charges, releases), newest first.</summary>
public static class UsageCommand
{
    public static Command Create(GlobalOptions global)
    {
        var limit = PagedListing.LimitOption("entries");
        var command = new Command("usage", "The key's ledger: credits, holds, charges and releases, newest first") { limit };
        command.SetAction(global, (context, cancellationToken) => PagedListing.ShowAsync(
            context, limit, pageSize => context.Client.ListUsageAsync(pageSize, cancellationToken), "No ledger entries.",
            CatalogRenderer.Usage, cancellationToken));
        return command;
    }
}
