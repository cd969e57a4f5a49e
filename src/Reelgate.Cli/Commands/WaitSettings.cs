using System.CommandLine;
using Reelgate.Client.Waiting;

namespace Reelgate.Cli.Commands;

/// <summary>How to wait for a job: --timeout and --poll, shared by generate and jobs wait.</summary>
public sealed class WaitSettings
{
    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Stop waiting after this many seconds (exit code 9; the job goes on) [default: no limit]",
        HelpName = "seconds",
        CustomParser = ValueParsers.Seconds("--timeout"),
    };

    public Option<bool> Poll { get; } = new("--poll") { Description = "Poll the job instead of following its event stream" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Timeout);
        command.Options.Add(Poll);
    }

    public WaitOptions ToWaitOptions(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new WaitOptions
        {
            Timeout = context.Value(Timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            UseEvents = !context.Value(Poll),
        };
    }
}
