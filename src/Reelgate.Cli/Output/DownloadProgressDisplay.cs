using Reelgate.Client.Downloads;
using Spectre.Console;

namespace Reelgate.Cli.Output;

/// <summary>A live byte counter for a download, on an interactive terminal only.</summary>
public static class DownloadProgressDisplay
{
    public static async Task<DownloadResult> FollowAsync(
        Terminal terminal, bool show, string name, Func<IProgress<DownloadProgress>?, Task<DownloadResult>> download)
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(download);
        if (!show)
        {
            return await download(null);
        }

        return await terminal.Err.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape("downloading " + name), maxValue: 1);
                var result = await download(new SyncProgress<DownloadProgress>(p =>
                {
                    task.MaxValue = p.TotalBytes ?? Math.Max(p.BytesWritten, 1);
                    task.Value = p.BytesWritten;
                }));
                task.StopTask();
                return result;
            });
    }
}
