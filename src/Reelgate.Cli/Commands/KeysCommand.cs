using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys create|list|revoke|top-up|webhook|rotate-webhook-secret (an admin key).</summary>
public static class KeysCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("keys", "Manage API keys (needs an admin key)");
        command.Subcommands.Add(KeysCreateCommand.Create(global));
        command.Subcommands.Add(KeysListCommand.Create(global));
        command.Subcommands.Add(KeysRevokeCommand.Create(global));
        command.Subcommands.Add(KeysTopUpCommand.Create(global));
        command.Subcommands.Add(KeysWebhookCommand.Create(global));
        command.Subcommands.Add(KeysRotateWebhookSecretCommand.Create(global));
        return command;
    }

    public static Argument<string> KeyId() => new("key_id") { Description = "The key's id (key_…)" };

    /// <summary>A positive amount of USD with at most 6 decimals, parsed exactly (never through a float).</summary>
    public static Option<decimal?> Money(string name, string description, bool allowZero) => new(name)
    {
        Description = description,
        HelpName = "usd",
        CustomParser = ValueParsers.Usd(name, allowZero),
    };
}
