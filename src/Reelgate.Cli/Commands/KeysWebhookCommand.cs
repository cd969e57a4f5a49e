using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys webhook ID [URL | --clear]: sets or clears the key's default webhook URL.</summary>
public static class KeysWebhookCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = KeysCommand.KeyId();
        var url = new Argument<string?>("url") { Description = "Receives the key's job events when a request names no webhook URL",
            Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Remove the key's default webhook URL" };
        var command = new Command("webhook", "Set (or --clear) a key's default webhook URL") { id, url, clear };
        command.Validators.Add(result =>
        {
            var hasUrl = result.GetValue(url) is not null;
            var clearing = result.GetValue(clear);
            if (hasUrl == clearing)
            {
                result.AddError(clearing ? "give a URL or --clear, not both" : "give the webhook URL, or --clear to remove it");
            }
        });
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var key = await context.Client.SetKeyWebhookAsync(
                context.Value(id)!, context.Value(clear) ? null : context.Value(url), cancellationToken);
            return context.Print(key, terminal =>
            {
                terminal.Line(key.WebhookUrl is { } set ? $"Webhook of {key.Id}: {set}" : $"{key.Id} has no default webhook URL");
            });
        });
        return command;
    }
}
