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
        var limit = PagedListing.LimitOption("jobs");
        var command = new Command("list", "The key's jobs, newest first") { status, limit };
        command.SetAction(global, (context, cancellationToken) =>
        {
            var filter = context.Value(status) is { } s ? new JobStatus(s) : (JobStatus?)null;
            return PagedListing.ShowAsync(context, limit, pageSize => context.Client.ListJobsAsync(filter, pageSize, cancellationToken),
                "No jobs.", JobRenderer.List, cancellationToken);
        });
        return command;
    }
}
