using System.CommandLine;
using Reelgate.Cli.Output;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs redeliver ID DELIVERY_ID: queues a webhook delivery again (after fixing the receiver, say).</summary>
public static class JobsRedeliverCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var delivery = new Argument<string>("delivery_id") { Description = "The delivery's id (from `reelgate jobs deliveries`)" };
        var command = new Command("redeliver", "Send a job's webhook delivery again") { id, delivery };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var deliveryId = context.Value(delivery)!;
            var deliveries = await context.Client.RedeliverAsync(context.Value(id)!, deliveryId, cancellationToken);
            return context.Print(deliveries, terminal =>
            {
                terminal.Line($"Queued {deliveryId} again");
                foreach (var line in DeliveryRenderer.Lines(deliveries))
                {
                    terminal.Line(line);
                }
            });
        });
        return command;
    }
}
