using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys top-up ID AMOUNT: adds credit (USD) and prints the new balance.</summary>
public static class KeysTopUpCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = KeysCommand.KeyId();
        var amount = new Argument<decimal?>("amount")
        {
            Description = "USD to add, e.g. 10.00",
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = ValueParsers.Usd("amount", allowZero: false),
        };
        var command = new Command("top-up", "Add credit to a key") { id, amount };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var balance = await context.Client.AddCreditsAsync(context.Value(id)!, context.Value(amount)!.Value, cancellationToken);
            return context.Print(balance, terminal => terminal.Line(KeyRenderer.Balance(balance)));
        });
        return command;
    }
}
