using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate signing-keys retire ID [--force]: links signed with the key stop working.</summary>
public static class SigningKeysRetireCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = new Argument<string>("signing_key_id") { Description = "The signing key's id (k1, k2, …)" };
        var force = new Option<bool>("--force") { Description = "Retire it even though links it signed may not have expired yet" };
        var command = new Command("retire", "Retire a signing key once the links it signed have expired") { id, force };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var key = await context.Client.RetireSigningKeyAsync(context.Value(id)!, context.Value(force), cancellationToken);
            return context.Print(key, terminal =>
            {
                terminal.Line($"Retired {key.Id} at {(key.RetiredAt is { } at ? JobRenderer.Time(at) : "-")}");
            });
        });
        return command;
    }
}
