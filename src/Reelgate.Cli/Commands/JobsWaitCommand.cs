using System.CommandLine;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs wait ID [--out FILE]: follows a job to its end (exit 1 if it failed), optionally downloading the video.</summary>
public static class JobsWaitCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var wait = new WaitSettings();
        var output = new Option<string?>("--out", "-o") { Description = "Also download the video here when it completes",
            HelpName = "file" };
        var command = new Command("wait", "Follow a job until it completes, fails or is cancelled") { id, output };
        wait.AddTo(command);
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var job = await JobFollower.WaitAsync(context, context.Value(id)!, wait.ToWaitOptions(context), cancellationToken);
            var path = context.Value(output);
            var file = job.Status == JobStatus.Completed && path is not null
                ? await JobFollower.DownloadAsync(context, job, path, cancellationToken) : null;
            if (context.Json)
            {
                context.Terminal.Json(new { job, file = file?.Path });
            }
            else if (job.Status == JobStatus.Completed)
            {
                context.Terminal.Line(file is null ? $"{job.JobId} completed: {job.Video?.Url}" : JobFollower.Saved(job, file));
            }

            if (job.Status != JobStatus.Completed)
            {
                context.Terminal.Error(JobFollower.Unsuccessful(job));
                return ExitCodes.JobFailed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
