using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>Commands whose work is done by their subcommands (reelgate, jobs, keys, signing-keys).</summary>
public static class CommandGroups
{
    /// <summary>Adds the subcommands in the order given (the order --help lists them), each built with the global options.</summary>
    public static TCommand WithSubcommands<TCommand>(
        this TCommand command, GlobalOptions global, params Func<GlobalOptions, Command>[] subcommands)
        where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(subcommands);
        foreach (var create in subcommands)
        {
            command.Subcommands.Add(create(global));
        }

        return command;
    }
}
