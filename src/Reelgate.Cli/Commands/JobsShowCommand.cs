using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs show ID: one job's state, settings, cost and outputs.</summary>
public static class JobsShowCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var command = new Command("show", "One job: status, settings, cost, outputs") { id };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var job = await context.Client.GetJobAsync(context.Value(id)!, cancellationToken);
            return context.Print(job, terminal => terminal.Render(JobRenderer.Details(job)));
        });
        return command;
    }
}
