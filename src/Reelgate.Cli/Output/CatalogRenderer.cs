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
                Markup.Escape(Choices(model, "resolution", "size")),
                Markup.Escape(Lengths(model)));
        }

        return table;
    }

    public static Table Usage(IEnumerable<UsageEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var table = new Table()
            .AddColumns("TIME", "KIND")
            .AddColumn(new TableColumn("AMOUNT").RightAligned())
            .AddColumn(new TableColumn("JOB").NoWrap())
            .AddColumn(new TableColumn("AVAILABLE").RightAligned());
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

    /// <summary>One model's own parameter table, row by row as its card gives it: type, default, values or range.</summary>
    public static Table Parameters(ModelCard model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var table = new Table().AddColumn(new TableColumn("PARAMETER").NoWrap()).AddColumns("TYPE", "DEFAULT", "ALLOWED");
        foreach (var parameter in model.Parameters)
        {
            var allowed = parameter.Values is { Count: > 0 } values ? string.Join(", ", values)
                : parameter.Minimum is not null || parameter.Maximum is not null ? $"{parameter.Minimum} to {parameter.Maximum}"
                : parameter.MaxLength is { } max ? $"at most {max} characters"
                : "-";
            table.AddRow(
                Markup.Escape(parameter.Name),
                Markup.Escape(parameter.Required ? parameter.Type + ", required" : parameter.Type),
                Markup.Escape(parameter.Default?.ToString() ?? "-"),
                Markup.Escape(allowed));
        }

        return table;
    }

    /// <summary>The first of the parameters the model has: its allowed values ("360p, 540p, ..."), or "-".</summary>
    private static string Choices(ModelCard model, params string[] names) =>
        names.Select(name => model.Parameters.FirstOrDefault(p => p.Name == name)?.Values).FirstOrDefault(
            v => v is { Count: > 0 }) is { } values
            ? string.Join(", ", values)
            : "-";

    /// <summary>The lengths a model offers: its duration or seconds values, or its frame range.</summary>
    private static string Lengths(ModelCard model)
    {
        var choices = Choices(model, "duration", "seconds");
        if (choices != "-")
        {
            return choices;
        }

        return model.Parameters.FirstOrDefault(p => p.Name is "num_frames" or "seconds") is { Minimum: { } min, Maximum: { } max } length
            ? $"{min} to {max} {(length.Name == "num_frames" ? "frames" : "s")}"
            : "-";
    }
}
