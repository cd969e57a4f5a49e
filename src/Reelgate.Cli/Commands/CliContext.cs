using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client;

namespace Reelgate.Cli.Commands;

/// <summary>One run of a command: its parsed options, the terminal, and a client built from flags and environment.</summary>
public sealed class CliContext : IDisposable
{
    private readonly Lazy<ReelgateClient> _client;

    public CliContext(ParseResult parsed, GlobalOptions global, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(global);
        Parsed = parsed;
        Terminal = terminal;
        Json = parsed.GetValue(global.Json);
        var baseUrl = parsed.GetValue(global.BaseUrl);
        var apiKey = parsed.GetValue(global.ApiKey);
        _client = new Lazy<ReelgateClient>(() => new ReelgateClient(Options(baseUrl, apiKey)));
    }

    public ParseResult Parsed { get; }

    public Terminal Terminal { get; }

    public bool Json { get; }

    public ReelgateClient Client => _client.Value;

    public T? Value<T>(Option<T> option) => Parsed.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parsed.GetValue(argument);

    /// <summary>
    /// A command's answer: with --json the value itself on stdout (for scripts), otherwise the human form; either way success.
    /// </summary>
    public int Print<T>(T value, Action<Terminal> human)
    {
        ArgumentNullException.ThrowIfNull(human);
        if (Json)
        {
            Terminal.Json(value);
        }
        else
        {
            human(Terminal);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Flags first, then REELGATE_BASE_URL / REELGATE_API_KEY, then EMPIRIOLABS_API_KEY, then the default base URL.</summary>
    public static ReelgateClientOptions Options(string? baseUrl, string? apiKey)
    {
        var options = ReelgateClientOptions.FromEnvironment();

        // A person is waiting at a terminal: a long Retry-After is reported (exit 6) rather than sat out silently.
        options.MaxRetryAfter = TimeSpan.FromSeconds(10);
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseAddress = ReelgateClientOptions.ParseBaseAddress(baseUrl, "--base-url");
        }

        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            options.ApiKey = apiKey.Trim();
        }

        return options;
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
