using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>Rate cards as tables: a row per tier, a column per duration/audio cell.</summary>
public static class PriceRenderer
{
    public static IEnumerable<Table> RateCards(IEnumerable<RateCard> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        foreach (var card in cards)
        {
            var cells = card.Tiers.SelectMany(t => t.Prices.Keys).Distinct(StringComparer.Ordinal).ToList();
            var table = new Table().Title(Markup.Escape($"{card.Model}: {card.Currency} {card.Unit}")).AddColumn("TIER");
            foreach (var cell in cells)
            {
                table.AddColumn(new TableColumn(Markup.Escape(cell)).RightAligned());
            }

            foreach (var tier in card.Tiers)
            {
                var row = new List<string> { Markup.Escape(tier.Name) };
                row.AddRange(cells.Select(c => tier.Prices.TryGetValue(c, out var price) ? JobRenderer.Money(price) : "-"));
                table.AddRow(row.ToArray());
            }

            yield return table;
        }
    }

    public static string Quote(Quote quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return $"{JobRenderer.Money(quote.Amount)} {quote.Currency} ({quote.Model}, {quote.Resolution}, {quote.Duration}, " +
            $"{(quote.Audio ? "audio" : "no audio")})";
    }
}
