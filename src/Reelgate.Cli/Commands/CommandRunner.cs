using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client;

namespace Reelgate.Cli.Commands;

/// <summary>
/// Runs a command's body and turns every failure into one line on stderr and a documented exit code:
/// never a stack trace.
/// </summary>
public static class CommandRunner
{
    public static void SetAction(this Command command, GlobalOptions global, Func<CliContext, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var terminal = new Terminal(parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            try
            {
                using var context = new CliContext(parsed, global, terminal);
                return await body(context, cancellationToken);
            }
            catch (ReelgateException e)
            {
                terminal.Error(Describe(e));
                return ExitCodes.From(e);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                terminal.Error("interrupted");
                return ExitCodes.Interrupted;
            }
            catch (UsageException e)
            {
                terminal.Error(e.Message);
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                terminal.Error(e.Message);
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                terminal.Error($"unexpected {e.GetType().Name}: {e.Message}");
                return ExitCodes.Internal;
            }
        });
    }

    /// <summary>"message (code, param resolution)": what was wrong and what is allowed, as the server said it.</summary>
    public static string Describe(ReelgateException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty;
        var param = error.Param is null ? string.Empty : $", param {error.Param}";
        var wait = error.RetryAfter is { } after ? $", retry after {Math.Ceiling(after.TotalSeconds)} s" : string.Empty;
        return $"{OneLine(error.Message)} ({status}{error.Code}{param}{wait})";
    }

    public static string OneLine(string text) =>
        string.Join(' ', (text ?? string.Empty).Split(
            ['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
