using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate signing-keys list|add|retire (an admin key): rotate the keys that sign output URLs.</summary>
public static class SigningKeysCommand
{
    public static Command Create(GlobalOptions global) =>
        new Command("signing-keys", "Rotate the keys that sign output URLs (needs an admin key)").WithSubcommands(global,
            SigningKeysListCommand.Create, SigningKeysAddCommand.Create, SigningKeysRetireCommand.Create);
}
