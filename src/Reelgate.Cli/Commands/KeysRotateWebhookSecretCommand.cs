using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys rotate-webhook-secret ID: a new signing secret for the key's webhooks, printed this once.</summary>
public static class KeysRotateWebhookSecretCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = KeysCommand.KeyId();
        var command = new Command("rotate-webhook-secret", "Replace a key's webhook signing secret; the new one is printed this once")
            { id };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var rotation = await context.Client.RotateWebhookSecretAsync(context.Value(id)!, cancellationToken);
            return context.Print(rotation, terminal =>
            {
                // The secret alone on stdout, so a script can capture it; the warning goes to stderr.
                terminal.Line(rotation.WebhookSecret);
                terminal.Note($"New webhook signing secret of {rotation.KeyId} (shown only once); deliveries from now on are " +
                    "signed with it");
            });
        });
        return command;
    }
}
