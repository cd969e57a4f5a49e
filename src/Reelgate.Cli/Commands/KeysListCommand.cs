using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys list: every key with its balance (never a secret).</summary>
public static class KeysListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("list", "Every key, newest first, with its balance");
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var keys = await context.Client.ListKeysAsync(cancellationToken);
            return context.Print(keys, terminal => terminal.Render(KeyRenderer.List(keys)));
        });
        return command;
    }
}
