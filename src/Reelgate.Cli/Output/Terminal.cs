using System.Text.Json;
using Reelgate.Client.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Reelgate.Cli.Output;

/// <summary>
/// Where the command writes. Results go to stdout (tables, or JSON with --json); notes, the live progress
/// display and errors go to stderr, so <c>$(reelgate ...)</c> captures the result alone. Spectre decides
/// whether stderr is an interactive ANSI terminal; when it is not (piped, redirected) there is no live display.
/// </summary>
public sealed class Terminal
{
    private static readonly JsonSerializerOptions IndentedJson = new(ReelgateJson.Options) { WriteIndented = true };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public Terminal(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
        Out = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
    }

    /// <summary>Spectre over stdout: tables and result lines.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Spectre over stderr: the live progress display.</summary>
    public IAnsiConsole Err { get; }

    /// <summary>A live display only where a person watches: stderr an interactive ANSI terminal (Spectre's detection).</summary>
    public bool CanShowProgress =>
        Err.Profile.Capabilities is { Ansi: true, Interactive: true }
        && !(ReferenceEquals(_error, Console.Error) && Console.IsErrorRedirected);

    public void Json<T>(T value) => _output.WriteLine(JsonSerializer.Serialize(value, IndentedJson));

    public void Line(string text) => _output.WriteLine(text);

    public void Render(IRenderable renderable) => Out.Write(renderable);

    /// <summary>A note for the person at the terminal (stderr); left out with --json.</summary>
    public void Note(string text) => _error.WriteLine(text);

    public void Error(string text) => _error.WriteLine("reelgate: error: " + Commands.CommandRunner.OneLine(text));
}
