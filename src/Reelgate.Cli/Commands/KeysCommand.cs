using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys create|list|revoke|top-up|webhook|rotate-webhook-secret (an admin key).</summary>
public static class KeysCommand
{
    public static Command Create(GlobalOptions global) =>
        new Command("keys", "Manage API keys (needs an admin key)").WithSubcommands(global,
            KeysCreateCommand.Create, KeysListCommand.Create, KeysRevokeCommand.Create, KeysTopUpCommand.Create, KeysWebhookCommand.Create,
            KeysRotateWebhookSecretCommand.Create);

    public static Argument<string> KeyId() => new("key_id") { Description = "The key's id (key_…)" };

    /// <summary>A positive amount of USD with at most 6 decimals, parsed exactly (never through a float).</summary>
    public static Option<decimal?> Money(string name, string description, bool allowZero) => new(name)
    {
        Description = description,
        HelpName = "usd",
        CustomParser = ValueParsers.Usd(name, allowZero),
    };
}
