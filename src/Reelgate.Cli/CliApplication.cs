using System.CommandLine;
using Reelgate.Cli.Commands;

namespace Reelgate.Cli;

/// <summary>Builds the command tree and runs it: parse errors become one line and exit code 2.</summary>
public static class CliApplication
{
    public static RootCommand Build()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("reelgate: generate videos with a Reelgate server (or the hosted API), follow and download jobs, " +
            "manage keys.");
        global.AddTo(root);
        return root.WithSubcommands(global,
            GenerateCommand.Create, JobsCommand.Create, UploadCommand.Create, PriceCommand.Create, BalanceCommand.Create,
            UsageCommand.Create, ModelsCommand.Create, KeysCommand.Create, SigningKeysCommand.Create);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ParseResult parsed;
        try
        {
            parsed = Build().Parse(args);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync("reelgate: error: " + Commands.CommandRunner.OneLine(e.Message)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var path = command is RootCommand ? "reelgate" : "reelgate " + string.Join(' ', Path(command, parsed));
            await error.WriteLineAsync($"reelgate: error: {Describe(parsed, Pick(parsed.Errors))} (see '{path} --help')").ConfigureAwait(
                false);
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
    }

    /// <summary>The most telling error: a word the parser did not know before "a command is required".</summary>
    private static System.CommandLine.Parsing.ParseError Pick(IReadOnlyList<System.CommandLine.Parsing.ParseError> errors) =>
        errors.FirstOrDefault(e => e.SymbolResult is not System.CommandLine.Parsing.CommandResult) ?? errors.FirstOrDefault(
            e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? errors[0];

    /// <summary>One line: the option it is about, then the parser's message with its list of choices joined.</summary>
    private static string Describe(ParseResult parsed, System.CommandLine.Parsing.ParseError error)
    {
        if (error.SymbolResult is System.CommandLine.Parsing.ArgumentResult
                { Parent: System.CommandLine.Parsing.CommandResult owner } argument
            && error.Message.StartsWith("Required argument", StringComparison.Ordinal))
        {
            return $"{owner.Command.Name} needs <{argument.Argument.Name}>";
        }

        if (error.SymbolResult is System.CommandLine.Parsing.CommandResult { } commandResult)
        {
            var command = commandResult.Command;
            var missing = command.Arguments.Where(a => parsed.GetResult(a) is null).Select(a => $"<{a.Name}>").ToList();
            if (missing.Count > 0 && error.Message.StartsWith("Required argument", StringComparison.Ordinal))
            {
                return $"{command.Name} needs {string.Join(" and ", missing)}";
            }

            if (command.Subcommands.Count > 0 && error.Message.StartsWith("Required command", StringComparison.Ordinal))
            {
                return $"a command is needed: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
            }
        }

        var lines = error.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = lines.Length <= 1 ? error.Message.Trim() : lines[0] + " " + string.Join(", ", lines.Skip(1));
        var option = (error.SymbolResult as System.CommandLine.Parsing.OptionResult)?.Option.Name
            ?? ((error.SymbolResult as System.CommandLine.Parsing.ArgumentResult)?.Parent
                as System.CommandLine.Parsing.OptionResult)?.Option.Name;
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }

    private static string[] Path(Command command, ParseResult parsed)
    {
        var names = new Stack<string>();
        for (var result = parsed.CommandResult; result is not null
            && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command.Name);
        }

        return names.Count > 0 ? [.. names] : [command.Name];
    }
}
