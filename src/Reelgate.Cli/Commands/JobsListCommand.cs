using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs list [--status S] [--limit N]: the key's jobs, newest first.</summary>
public static class JobsListCommand
{
    public static Command Create(GlobalOptions global)
    {
        var status = new Option<string?>("--status") { Description = "Only jobs in this state",
            HelpName = string.Join('|', JobStatus.Known) };
        status.AcceptOnlyFromAmong(JobStatus.Known.Select(s => s.Value).ToArray());
        var limit = new Option<int?>("--limit", "-n")
        {
            Description = "How many jobs to show, 1 to 10000; pages are fetched as needed [default: 20]",
            CustomParser = ValueParsers.WholeNumber("--limit", 1, 10_000),
        };
        var command = new Command("list", "The key's jobs, newest first") { status, limit };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var wanted = context.Value(limit) ?? 20;
            var filter = context.Value(status) is { } s ? new JobStatus(s) : (JobStatus?)null;
            var jobs = await context.Client.ListJobsAsync(filter, Math.Min(wanted, 100), cancellationToken).Take(wanted).ToListAsync(
                cancellationToken);

            if (context.Json)
            {
                context.Terminal.Json(jobs);
            }
            else if (jobs.Count == 0)
            {
                context.Terminal.Note("No jobs.");
            }
            else
            {
                context.Terminal.Render(JobRenderer.List(jobs));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
