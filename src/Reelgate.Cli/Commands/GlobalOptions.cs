using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>Options every command takes: where the API is, the key, and JSON output for scripts.</summary>
public sealed class GlobalOptions
{
    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "The API's base URL [env: REELGATE_BASE_URL; default: http://127.0.0.1:8080]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "The API key [env: REELGATE_API_KEY, else EMPIRIOLABS_API_KEY]",
        HelpName = "key",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON on stdout (no tables, no progress display)",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(BaseUrl);
        root.Options.Add(ApiKey);
        root.Options.Add(Json);
    }
}
