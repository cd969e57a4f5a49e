using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs list|show|cancel|wait|download|deliveries|redeliver.</summary>
public static class JobsCommand
{
    public static Command Create(GlobalOptions global) =>
        new Command("jobs", "List, show, cancel, wait for and download jobs; see their webhook deliveries").WithSubcommands(global,
            JobsListCommand.Create, JobsShowCommand.Create, JobsCancelCommand.Create, JobsWaitCommand.Create, JobsDownloadCommand.Create,
            JobsDeliveriesCommand.Create, JobsRedeliverCommand.Create);

    public static Argument<string> JobId() => new("job_id") { Description = "The job's id (job_…)" };
}
