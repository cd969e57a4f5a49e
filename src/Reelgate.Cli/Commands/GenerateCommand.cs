using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>
/// reelgate generate "prompt" [options] --out clip.mp4: uploads local images, shows the price, submits (with an
/// Idempotency-Key), follows the job with a live progress bar, downloads the video and says where it is.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(GlobalOptions global)
    {
        var prompt = new Argument<string>("prompt") { Description = "What the video shows (at most 2048 characters)" };
        var request = new GenerationOptions();
        var wait = new WaitSettings();
        var output = new Option<string?>("--out", "-o") { Description = "Where to save the video [default: <job_id>.mp4]",
            HelpName = "file" };
        var noWait = new Option<bool>("--no-wait") { Description = "Submit and print the job id; do not wait or download" };
        var idempotencyKey = new Option<string?>("--idempotency-key")
            { Description = "Your own Idempotency-Key (resubmitting with it returns the same job) [default: a new one]" };

        var command = new Command("generate", "Generate a video: price, submit, follow, download");
        command.Arguments.Add(prompt);
        request.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(noWait);
        command.Options.Add(idempotencyKey);
        wait.AddTo(command);
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var text = context.Value(prompt)!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("the prompt must not be blank");
            }

            var image = await ImageInputs.ResolveAsync(context, context.Value(request.Image), "--image", cancellationToken);
            var imageEnd = await ImageInputs.ResolveAsync(context, context.Value(request.ImageEnd), "--image-end", cancellationToken);
            var body = request.ToRequest(context, text, image, imageEnd);

            var quote = await context.Client.QuoteAsync(body, cancellationToken);
            if (!context.Json)
            {
                context.Terminal.Note("Price: " + PriceRenderer.Quote(quote));
            }

            var job = await context.Client.GenerateAsync(body, context.Value(idempotencyKey), cancellationToken);
            if (context.Value(noWait))
            {
                return context.Print(new { quote, job, file = (string?)null }, terminal => terminal.Line(job.JobId));
            }

            if (!context.Json)
            {
                context.Terminal.Note($"Submitted {job.JobId}");
            }

            job = await JobFollower.WaitAsync(context, job.JobId, wait.ToWaitOptions(context), cancellationToken);
            if (job.Status != JobStatus.Completed)
            {
                if (context.Json)
                {
                    context.Terminal.Json(new { quote, job, file = (string?)null });
                }

                context.Terminal.Error(JobFollower.Unsuccessful(job));
                return ExitCodes.JobFailed;
            }

            var file = await JobFollower.DownloadAsync(context, job, context.Value(output), cancellationToken);
            return context.Print(new { quote, job, file = file.Path }, terminal =>
            {
                terminal.Line(JobFollower.Saved(job, file));
                terminal.Note($"URL: {job.Video!.Url} (until {JobRenderer.Time(job.Result!.ExpiresAt)})");
            });
        });
        return command;
    }
}
