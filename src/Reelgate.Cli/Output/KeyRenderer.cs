using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>API keys for people (never the secret, except in the answer that created it).</summary>
public static class KeyRenderer
{
    public static Table List(IEnumerable<ApiKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Ids and prefixes are copied into other commands: they never wrap; the name gives way first.
        var table = new Table()
            .AddColumn(new TableColumn("KEY").NoWrap())
            .AddColumn(new TableColumn("NAME"))
            .AddColumn(new TableColumn("PREFIX").NoWrap())
            .AddColumns("ADMIN", "AVAILABLE", "HELD", "CREATED", "REVOKED");
        foreach (var key in keys)
        {
            table.AddRow(
                Markup.Escape(key.Id),
                Markup.Escape(key.Name),
                Markup.Escape(key.Prefix),
                key.Admin ? "yes" : "no",
                Markup.Escape(JobRenderer.Money(key.Balance.Available)),
                Markup.Escape(JobRenderer.Money(key.Balance.Held)),
                Markup.Escape(JobRenderer.Time(key.CreatedAt)),
                key.RevokedAt is { } revoked ? Markup.Escape(JobRenderer.Time(revoked)) : "-");
        }

        return table;
    }

    /// <summary>"Available 9.50 USD, held 0.50 USD": what balance and keys top-up print.</summary>
    public static string Balance(Balance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return $"Available {JobRenderer.Money(balance.Available)} {balance.Currency}, held " +
            $"{JobRenderer.Money(balance.Held)} {balance.Currency}";
    }
}
