using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate balance: the key's available and held credit.</summary>
public static class BalanceCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("balance", "The key's available credit and what unfinished jobs hold");
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var balance = await context.Client.GetBalanceAsync(cancellationToken);
            return context.Print(balance, terminal => terminal.Line(KeyRenderer.Balance(balance)));
        });
        return command;
    }
}
