using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs deliveries ID: the webhook deliveries of a job's events, with their attempts.</summary>
public static class JobsDeliveriesCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var command = new Command("deliveries", "The webhook deliveries of a job's events and how each attempt went") { id };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var deliveries = await context.Client.ListDeliveriesAsync(context.Value(id)!, cancellationToken);
            return context.Print(deliveries, terminal =>
            {
                if (deliveries.Count == 0)
                {
                    terminal.Line("No webhook deliveries (the job names no webhook URL, nor does its key, or it has not ended yet)");
                }
                else
                {
                    foreach (var line in DeliveryRenderer.Lines(deliveries))
                    {
                        terminal.Line(line);
                    }
                }
            });
        });
        return command;
    }
}
