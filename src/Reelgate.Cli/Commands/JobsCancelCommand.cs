using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs cancel ID: stops a queued or processing job and releases its hold (exit 8 if it is already final).</summary>
public static class JobsCancelCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var command = new Command("cancel", "Cancel a queued or processing job; its hold is released") { id };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var job = await context.Client.CancelAsync(context.Value(id)!, cancellationToken);
            return context.Print(job, terminal =>
            {
                terminal.Line($"Cancelled {job.JobId} ({JobRenderer.Money(job.Cost.Amount)} {job.Cost.Currency} {job.Cost.State})");
            });
        });
        return command;
    }
}
