using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate signing-keys list|add|retire (an admin key): rotate the keys that sign output URLs.</summary>
public static class SigningKeysCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("signing-keys", "Rotate the keys that sign output URLs (needs an admin key)");
        command.Subcommands.Add(SigningKeysListCommand.Create(global));
        command.Subcommands.Add(SigningKeysAddCommand.Create(global));
        command.Subcommands.Add(SigningKeysRetireCommand.Create(global));
        return command;
    }
}
