using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate signing-keys list: every signing key, its status and when it may be retired (never a secret).</summary>
public static class SigningKeysListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("list", "Every signing key, oldest first, with its status");
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var keys = await context.Client.ListSigningKeysAsync(cancellationToken);
            return context.Print(keys, terminal =>
            {
                foreach (var key in keys)
                {
                    var when = key.Status switch
                    {
                        "retired" => key.RetiredAt is { } at ? " since " + JobRenderer.Time(at) : "",
                        "active" => key.RetirableAt is { } at ? " retirable at " + JobRenderer.Time(at) : "",
                        _ => "",
                    };
                    terminal.Line($"{key.Id}  {key.Status}{when}  created {JobRenderer.Time(key.CreatedAt)}");
                }
            });
        });
        return command;
    }
}
