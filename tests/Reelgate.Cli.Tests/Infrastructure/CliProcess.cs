using System.Text;
using CliWrap;
using CliWrap.Buffered;
using Reelgate.Testing;

namespace Reelgate.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built command (dotnet Reelgate.Cli.dll) as a child process with its output piped, or inside a
/// pseudo-terminal made by util-linux's <c>script</c>, with the environment a user would set.
/// </summary>
public sealed class CliProcess(Uri baseAddress, string? apiKey, string workingDirectory)
{
    /// <summary>Variables that make Spectre (or anything) think it runs under CI; a test decides that itself.</summary>
    private static readonly string[] CiVariables = [
        "CI",
        "TF_BUILD",
        "GITHUB_ACTIONS",
        "GITLAB_CI",
        "CI_SERVER",
        "JENKINS_URL",
        "TRAVIS",
        "TEAMCITY_VERSION",
        "APPVEYOR",
        "BITBUCKET_COMMIT",
        "GO_SERVER_URL",
        "BITRISE_BUILD_URL",
        "bamboo_buildNumber",
        "MYGET_ENVIRONMENT"];

    public static string Dll { get; } = Path.Combine(
        RepositoryPaths.Root,
        "src",
        "Reelgate.Cli",
        "bin",
        RepositoryPaths.Configuration,
        "net10.0",
        "reelgate.dll");

    public string? ApiKey { get; init; } = apiKey;

    /// <summary>More variables for the child (a null value removes one).</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; init; } = new Dictionary<string, string?>();

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, TestContext.Current.CancellationToken);

    public async Task<CliResult> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = await CliWrap.Cli.Wrap("dotnet")
            .WithArguments([Dll, .. args])
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Environment())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>The same command inside a pseudo-terminal (<c>script -qfec CMD /dev/null</c>): stdout and stderr are a TTY, <paramref
    /// name="columns"/> wide when given.</summary>
    public async Task<CliResult> RunInTerminalAsync(IReadOnlyList<string> args, CancellationToken cancellationToken, int? columns = null)
    {
        var command = string.Join(' ', new[] { "dotnet", Dll }.Concat(args).Select(Quote));
        if (columns is { } width)
        {
            command = $"stty cols {width.ToString(System.Globalization.CultureInfo.InvariantCulture)} rows 50; {command}";
        }

        var result = await CliWrap.Cli.Wrap("script")
            .WithArguments(["-qfec", command, "/dev/null"])
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(Environment())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, cancellationToken);
        return new CliResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["REELGATE_BASE_URL"] = baseAddress.ToString(),
            ["REELGATE_API_KEY"] = ApiKey,
            ["EMPIRIOLABS_API_KEY"] = null,
            ["TERM"] = "xterm-256color",
            ["NO_COLOR"] = null,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var name in CiVariables)
        {
            environment[name] = null;
        }

        foreach (var (name, value) in Variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
