using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>API keys for people (never the secret, except in the answer that created it).</summary>
public static class KeyRenderer
{
    public static Table List(IEnumerable<ApiKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var table = new Table().AddColumns("KEY", "NAME", "PREFIX", "ADMIN", "AVAILABLE", "HELD", "CREATED", "REVOKED");
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
}
