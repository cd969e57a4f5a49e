using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs list|show|cancel|wait|download|deliveries|redeliver.</summary>
public static class JobsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("jobs", "List, show, cancel, wait for and download jobs; see their webhook deliveries");
        command.Subcommands.Add(JobsListCommand.Create(global));
        command.Subcommands.Add(JobsShowCommand.Create(global));
        command.Subcommands.Add(JobsCancelCommand.Create(global));
        command.Subcommands.Add(JobsWaitCommand.Create(global));
        command.Subcommands.Add(JobsDownloadCommand.Create(global));
        command.Subcommands.Add(JobsDeliveriesCommand.Create(global));
        command.Subcommands.Add(JobsRedeliverCommand.Create(global));
        return command;
    }

    public static Argument<string> JobId() => new("job_id") { Description = "The job's id (job_…)" };
}
