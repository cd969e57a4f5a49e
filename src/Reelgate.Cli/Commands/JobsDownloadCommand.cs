using System.CommandLine;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate jobs download ID [--out FILE]: saves a completed job's video, resuming if the transfer breaks.</summary>
public static class JobsDownloadCommand
{
    public static Command Create(GlobalOptions global)
    {
        var id = JobsCommand.JobId();
        var output = new Option<string?>("--out", "-o") { Description = "Where to save the video [default: <job_id>.mp4]",
            HelpName = "file" };
        var command = new Command("download", "Save a completed job's video (resumes after interruptions)") { id, output };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var job = await context.Client.GetJobAsync(context.Value(id)!, cancellationToken);
            if (job.Status == JobStatus.Failed || job.Status == JobStatus.Cancelled)
            {
                context.Terminal.Error(JobFollower.Unsuccessful(job) + "; it has no video");
                return ExitCodes.JobFailed;
            }

            if (job.Status != JobStatus.Completed)
            {
                throw new UsageException($"job {job.JobId} is {job.Status}; wait for it first ('reelgate jobs wait {job.JobId} --out " +
                    "FILE')");
            }

            var file = await JobFollower.DownloadAsync(context, job, context.Value(output), cancellationToken);
            return context.Print(new { path = file.Path, bytes = file.Bytes, resumes = file.Resumes }, terminal =>
            {
                terminal.Line(JobFollower.Saved(job, file));
            });
        });
        return command;
    }
}
