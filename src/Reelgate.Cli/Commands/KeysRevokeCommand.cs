using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys revoke ID: the key stops working at once.</summary>
public static class KeysRevokeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = KeysCommand.KeyId();
        var command = new Command("revoke", "Revoke a key; it stops working at once") { id };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var key = await context.Client.RevokeKeyAsync(context.Value(id)!, cancellationToken);
            return context.Print(key, terminal =>
            {
                terminal.Line($"Revoked {key.Id} '{key.Name}' at {(key.RevokedAt is { } at ? JobRenderer.Time(at) : "-")}");
            });
        });
        return command;
    }
}
