using Reelgate.Client.Models;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>A live progress bar for a job while it runs, on an interactive terminal only; elsewhere nothing is drawn.</summary>
public static class JobProgressDisplay
{
    public static async Task<Job> FollowAsync(Terminal terminal, bool show, string jobId, Func<IProgress<Job>?, Task<Job>> wait)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(wait);
        if (!show)
        {
            return await wait(null);
        }

        return await terminal.Err.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"{jobId} queued"), maxValue: 100);
                var job = await wait(new SyncProgress<Job>(j =>
                {
                    task.Description = Markup.Escape($"{j.JobId} {j.Status}");
                    task.Value = j.Progress;
                }));
                task.Description = Markup.Escape($"{job.JobId} {job.Status}");
                task.Value = job.Status == JobStatus.Completed ? 100 : task.Value;
                task.StopTask();
                return job;
            });
    }
}
