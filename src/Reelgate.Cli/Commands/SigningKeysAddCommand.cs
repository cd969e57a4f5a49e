using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate signing-keys add: a new signing key, which signs every new output URL from now on.</summary>
public static class SigningKeysAddCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("add", "Add a signing key; it signs every new output URL, older keys keep verifying theirs");
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var key = await context.Client.AddSigningKeyAsync(cancellationToken);
            return context.Print(key, terminal =>
            {
                terminal.Line(key.Id);
                terminal.Note($"Signing key {key.Id} now signs new output URLs; retire the previous one once its links expired " +
                    "(reelgate signing-keys list)");
            });
        });
        return command;
    }
}
