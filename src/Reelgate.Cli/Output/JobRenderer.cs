using System.Globalization;
using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>Jobs for people: one job as a grid of fields, many as a table.</summary>
public static class JobRenderer
{
    public static Grid Details(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        Row(grid, "job", job.JobId);
        Row(grid, "status", job.Status.IsFinal ? job.Status.Value : $"{job.Status} ({job.Progress}%)");
        Row(grid, "model", job.Model);
        Row(grid, "prompt", job.Request.Prompt);
        Row(grid, "settings", Settings(job.Request));
        Row(grid, "seed", job.Request.Seed.ToString(CultureInfo.InvariantCulture));
        Row(grid, "cost", $"{Money(job.Cost.Amount)} {job.Cost.Currency} ({job.Cost.State})");
        Row(grid, "created", Time(job.CreatedAt));
        if (job.CompletedAt is { } done)
        {
            Row(grid, "finished", Time(done));
        }

        if (job.Error is { } error)
        {
            Row(grid, "error", $"{error.Code}: {error.Message}");
        }

        if (job.Video is { } video)
        {
            var seconds = video.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture);
            Row(grid, "video", $"{video.Width}x{video.Height}, {seconds} s, {ByteSize.Format(video.Bytes)}");
            Row(grid, "url", video.Url);
        }

        if (job.Result is { } result)
        {
            Row(grid, "expires", Time(result.ExpiresAt));
        }

        foreach (var (key, value) in job.Metadata)
        {
            Row(grid, "metadata", $"{key}={value}");
        }

        return grid;
    }

    public static Table List(IEnumerable<Job> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        // An id is copied into other commands: it never wraps; the free text gives way (wraps) first.
        var table = new Table()
            .AddColumn(new TableColumn("JOB").NoWrap())
            .AddColumns("STATUS", "CREATED", "SETTINGS", "COST")
            .AddColumn(new TableColumn("PROMPT"));
        foreach (var job in jobs)
        {
            var status = job.Status.IsFinal ? job.Status.Value : $"{job.Status} {job.Progress}%";
            table.AddRow(
                Markup.Escape(job.JobId),
                Markup.Escape(status),
                Markup.Escape(Time(job.CreatedAt)),
                Markup.Escape(Settings(job.Request)),
                Markup.Escape(Money(job.Cost.Amount)),
                Markup.Escape(job.Request.Prompt.Length > 40 ? job.Request.Prompt[..39] + "…" : job.Request.Prompt));
        }

        return table;
    }

    public static string Settings(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audio = request.Audio ? "audio" : "no audio";
        return $"{request.Mode} {request.Resolution} {request.AspectRatio} {request.Duration} {audio} {request.Style}";
    }

    public static string Money(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Row(Grid grid, string name, string value) =>
        grid.AddRow(new Markup($"[bold]{Markup.Escape(name)}[/]"), new Text(value));
}
