using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>The model catalog and the key's ledger, as tables for people.</summary>
public static class CatalogRenderer
{
    public static Table Models(IEnumerable<ModelCard> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var table = new Table().AddColumn(new TableColumn("MODEL").NoWrap()).AddColumns("INPUT", "RESOLUTIONS", "DURATIONS");
        foreach (var model in models)
        {
            table.AddRow(
                Markup.Escape(model.Id),
                Markup.Escape(string.Join(", ", model.Input)),
                Markup.Escape(Choices(model, "resolution")),
                Markup.Escape(Choices(model, "duration")));
        }

        return table;
    }

    public static Table Usage(IEnumerable<UsageEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = new Table().AddColumns("TIME", "KIND").AddColumn(new TableColumn("AMOUNT").RightAligned()).AddColumn(new TableColumn("JOB").NoWrap()).AddColumn(new TableColumn("AVAILABLE").RightAligned());
        foreach (var entry in entries)
        {
            table.AddRow(
                Markup.Escape(JobRenderer.Time(entry.CreatedAt)),
                Markup.Escape(entry.Kind),
                Markup.Escape($"{JobRenderer.Money(entry.Amount)} {entry.Currency}"),
                Markup.Escape(entry.JobId ?? "-"),
                Markup.Escape(JobRenderer.Money(entry.AvailableAfter)));
        }

        return table;
    }

    /// <summary>A parameter's allowed values ("360p, 540p, ..."), or "-" when the model has no such list.</summary>
    private static string Choices(ModelCard model, string parameter) =>
        model.Parameters.FirstOrDefault(p => p.Name == parameter)?.Values is { Count: > 0 } values ? string.Join(", ", values) : "-";
}
