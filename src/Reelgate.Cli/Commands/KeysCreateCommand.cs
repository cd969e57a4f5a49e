using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate keys create NAME [--credits USD] [--admin] [limits]: prints the new secret, shown this once.</summary>
public static class KeysCreateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var name = new Argument<string>("name") { Description = "A name for the key (1 to 100 characters)" };
        var credits = KeysCommand.Money("--credits", "Starting credit in USD [default: 0]", allowZero: true);
        var admin = new Option<bool>("--admin") { Description = "The key may manage keys" };
        var owner = new Option<string?>("--owner") { Description = "Who the key is for" };
        var spendPerDay = KeysCommand.Money("--spend-per-day", "At most this many USD a day (UTC)", allowZero: false);
        var jobsInFlight = new Option<int?>("--jobs-in-flight") { Description = "At most this many jobs queued or processing",
            CustomParser = ValueParsers.WholeNumber("--jobs-in-flight", 1, 100_000) };
        var requestsPerMinute = new Option<int?>("--requests-per-minute") { Description = "At most this many requests a minute",
            CustomParser = ValueParsers.WholeNumber("--requests-per-minute", 1, 1_000_000) };
        var webhookUrl = new Option<string?>("--webhook-url")
            { Description = "The key's default webhook URL (used when a request names none)" };
        var command = new Command("create", "Create a key; its secret is printed this once") { name, credits, admin, owner, spendPerDay,
            jobsInFlight, requestsPerMinute, webhookUrl };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var limits = new KeyLimits(context.Value(spendPerDay), context.Value(jobsInFlight), context.Value(requestsPerMinute));
            var key = await context.Client.CreateKeyAsync(
                new CreateKeyRequest
                {
                    Name = context.Value(name)!,
                    Credits = context.Value(credits),
                    Admin = context.Value(admin) ? true : null,
                    Owner = context.Value(owner),
                    Limits = limits == new KeyLimits() ? null : limits,
                    WebhookUrl = context.Value(webhookUrl),
                },
                cancellationToken);
            return context.Print(key, terminal =>
            {
                terminal.Line(key.Key ?? string.Empty);
                terminal.Note($"Created {key.Id} '{key.Name}' with {JobRenderer.Money(key.Balance.Available)} " +
                    $"{key.Balance.Currency}; the secret above is shown only once.");
                if (key.WebhookSecret is { } signing)
                {
                    terminal.Note($"Webhook signing secret (shown only once): {signing}");
                }
            });
        });
        return command;
    }
}
