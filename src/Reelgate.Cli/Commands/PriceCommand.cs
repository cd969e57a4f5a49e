using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>
/// reelgate price: the rate card. With any generation option (reelgate price --resolution 720p --duration 8s),
/// the server's quote for exactly that request instead.
/// </summary>
public static class PriceCommand
{
    /// <summary>A stand-in prompt for quotes: the price never depends on it.</summary>
    public const string QuotePrompt = "price quote";

    public static Command Create(GlobalOptions global)
    {
        var request = new GenerationOptions();
        var command = new Command("price", "The rate card, or with generation options the price of that request");
        request.AddTo(command);
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var quoting = command.Options.Any(o => context.Parsed.GetResult(o) is { Implicit: false });
            if (quoting)
            {
                // The rate card prices resolution, duration and audio; mode and images never change the price.
                var body = request.ToRequest(context, QuotePrompt, null, null) with { Mode = null };
                var quote = await context.Client.QuoteAsync(body, cancellationToken);
                return context.Print(quote, terminal => terminal.Line(PriceRenderer.Quote(quote)));
            }

            var cards = await context.Client.GetPricingAsync(cancellationToken);
            return context.Print(cards, terminal =>
            {
                foreach (var table in PriceRenderer.RateCards(cards))
                {
                    terminal.Render(table);
                }
            });
        });
        return command;
    }
}
