using System.CommandLine;
using System.CommandLine.Parsing;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>Every request parameter of POST /v1/videos/generations as an option, shared by generate and price.</summary>
public sealed class GenerationOptions
{
    public Option<string> Model { get; } = new("--model", "-m")
    {
        Description = "The model id",
        DefaultValueFactory = _ => GenerationRequest.DefaultModel,
    };

    public Option<string?> Mode { get; } =
        Choice("--mode", "t2v (text to video) or i2v (animate --image) [default: t2v, i2v when --image is given]",
            GenerationMode.Known.Select(v => v.Value));

    public Option<string?> Resolution { get; } =
        Choice("--resolution", "Short side of the video [default: 1080p]", Client.Models.Resolution.Known.Select(v => v.Value), "-r");

    public Option<string?> AspectRatio { get; } =
        Choice("--aspect-ratio", "Frame shape [default: 16:9]", Client.Models.AspectRatio.Known.Select(v => v.Value), "-a");

    public Option<string?> Duration { get; } = new("--duration", "-d")
    {
        Description = "Length: 5s, 8s or 10s (10s not at 1080p) [default: 5s]",
        HelpName = "5s|8s|10s",
        CustomParser = ParseDuration,
    };

    public Option<bool?> Audio { get; } = new("--audio")
    {
        Description = "Generate audio: true or false [default: true]",
        HelpName = "true|false",
    };

    public Option<bool> NoAudio { get; } = new("--no-audio") { Description = "The same as --audio false" };

    public Option<string?> Style { get; } = Choice("--style", "Stylisation preset [default: none]", VideoStyle.Known.Select(v => v.Value));

    public Option<string?> Thinking { get; } =
        Choice("--thinking", "Let the model plan first [default: auto]", ThinkingMode.Known.Select(v => v.Value));

    public Option<string?> NegativePrompt { get; } = new("--negative-prompt", "-n")
        { Description = "What to avoid (at most 2048 characters)" };

    public Option<int?> Seed { get; } = new("--seed")
    {
        Description = "Reproducibility seed, 0 to 2147483647 [default: random, recorded on the job]",
        CustomParser = ValueParsers.WholeNumber("--seed", 0, int.MaxValue),
    };

    public Option<string?> Image { get; } = new("--image", "-i")
    {
        Description = "First frame for i2v: a local FILE (uploaded first via /v1/uploads), an http(s) URL, a data: URI or an upload id",
        HelpName = "FILE|URL",
    };

    public Option<string?> ImageEnd { get; } = new("--image-end")
    {
        Description = "Optional last frame for i2v, in the same forms as --image",
        HelpName = "FILE|URL",
    };

    public Option<string?> WebhookUrl { get; } = new("--webhook-url")
        { Description = "Receives job.completed, job.failed and job.cancelled" };

    public Option<string[]> Metadata { get; } = new("--metadata")
    {
        Description = "A key=value pair echoed back on the job (repeatable, at most 16)",
        HelpName = "key=value",
        AllowMultipleArgumentsPerToken = false,
        Validators = { ValidateMetadata },
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Model, Mode, Resolution, AspectRatio, Duration, Audio, NoAudio, Style, Thinking,
            NegativePrompt, Seed, Image, ImageEnd, WebhookUrl, Metadata })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the options describe; <paramref name="image"/> and <paramref name="imageEnd"/> are already resolved
    /// (uploaded).</summary>
    public GenerationRequest ToRequest(CliContext context, string prompt, string? image, string? imageEnd)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = context.Value(Mode);
        var noAudio = context.Value(NoAudio);
        var audio = context.Value(Audio);
        if (noAudio && audio == true)
        {
            throw new UsageException("--no-audio and --audio true contradict each other");
        }

        var metadata = context.Value(Metadata);
        return new GenerationRequest
        {
            Prompt = prompt,
            Model = context.Value(Model) ?? GenerationRequest.DefaultModel,
            Mode = mode is not null ? new GenerationMode(mode) : image is not null ? GenerationMode.I2v : default(GenerationMode?),
            Resolution = Wire<Client.Models.Resolution>(context.Value(Resolution)),
            AspectRatio = Wire<Client.Models.AspectRatio>(context.Value(AspectRatio)),
            Duration = Wire<VideoDuration>(context.Value(Duration)),
            Audio = noAudio ? false : audio,
            Style = Wire<VideoStyle>(context.Value(Style)),
            Thinking = Wire<ThinkingMode>(context.Value(Thinking)),
            NegativePrompt = context.Value(NegativePrompt),
            Seed = context.Value(Seed),
            Image = image,
            ImageEnd = imageEnd,
            WebhookUrl = context.Value(WebhookUrl),
            Metadata = metadata is { Length: > 0 }
                ? metadata.Select(SplitPair).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null,
        };
    }

    private static T? Wire<T>(string? value)
        where T : struct, Client.Serialization.IWireValue<T> =>
        value is null ? default(T?) : T.FromWire(value);

    private static Option<string?> Choice(string name, string description, IEnumerable<string> values, params string[] aliases)
    {
        var known = values.ToArray();
        var option = new Option<string?>(name, aliases) { Description = description, HelpName = string.Join('|', known) };
        option.AcceptOnlyFromAmong(known);
        return option;
    }

    /// <summary>5s, 8s, 10s, or the bare numbers 5, 8, 10 as the contract allows.</summary>
    private static string? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : string.Empty;
        var normal = text.EndsWith('s') ? text : text + "s";
        if (VideoDuration.Known.Any(d => string.Equals(d.Value, normal, StringComparison.Ordinal)))
        {
            return normal;
        }

        result.AddError($"--duration must be one of {string.Join(", ", VideoDuration.Known)}, not '{text}'");
        return null;
    }

    private static void ValidateMetadata(OptionResult result)
    {
        var pairs = result.GetValueOrDefault<string[]>() ?? [];
        var bad = pairs.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0);
        if (bad is not null)
        {
            result.AddError($"--metadata takes key=value, not '{bad}'");
        }
        else if (pairs.Length > 16)
        {
            result.AddError("--metadata takes at most 16 pairs");
        }
    }

    private static KeyValuePair<string, string> SplitPair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return new KeyValuePair<string, string>(pair[..equals], pair[(equals + 1)..]);
    }
}
