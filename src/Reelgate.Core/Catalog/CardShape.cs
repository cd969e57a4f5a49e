using System.Globalization;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Catalog;

/// <summary>
/// The parameter names that give a video its shape, in one place. A card says its frame size with
/// <c>resolution</c> + <c>aspect_ratio</c> or with <c>size</c> ("1280x720"); its length with <c>duration</c> or
/// <c>seconds</c> (whole seconds) or <c>num_frames</c> (with <c>fps</c>); audio with <c>audio</c>; i2v with
/// <c>image</c> (and <c>mode</c> when the card has one). Every other parameter is the model's own and travels
/// to the engine in <see cref="GenerationSpec.Parameters"/>.
/// </summary>
public static class CardShape
{
    public const string Prompt = "prompt";
    public const string Mode = "mode";
    public const string Resolution = "resolution";
    public const string AspectRatio = "aspect_ratio";
    public const string Size = "size";
    public const string Duration = "duration";
    public const string Seconds = "seconds";
    public const string NumFrames = "num_frames";
    public const string Fps = "fps";
    public const string Audio = "audio";
    public const string Image = "image";
    public const string ImageEnd = "image_end";
    public const string Style = "style";
    public const string Thinking = "thinking";
    public const string NegativePrompt = "negative_prompt";
    public const string Seed = "seed";

    /// <summary>The fields of <see cref="GenerationSpec"/> itself; any other parameter is carried in its Parameters.</summary>
    public static readonly IReadOnlySet<string> SpecFields = new HashSet<string>(
        [Prompt, Mode, Resolution, AspectRatio, Duration, Audio, Image, ImageEnd, Style, Thinking, NegativePrompt, Seed],
        StringComparer.Ordinal);

    /// <summary>"5s" or "5" as a rate-card cell, "5s".</summary>
    public static string SecondsCell(string value) => value.EndsWith('s') ? value : value + "s";

    /// <summary>Whole seconds from "5s" or "5"; null when it is neither.</summary>
    public static int? ParseSeconds(string value)
    {
        var digits = value.EndsWith('s') ? value[..^1] : value;
        return digits.Length is > 0 and < 6 && digits.All(char.IsAsciiDigit)
            ? int.Parse(digits, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>"1280x720" (or "1280*720") as a size with even sides of 16 to 4096 pixels; null otherwise.</summary>
    public static VideoSize? ParseSize(string value)
    {
        var separator = value.IndexOfAny(['x', '*']);
        if (separator <= 0
            || !int.TryParse(value.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(value.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            return null;
        }

        return width is >= 16 and <= 4096 && height is >= 16 and <= 4096 && width % 2 == 0 && height % 2 == 0
            ? new VideoSize(width, height)
            : null;
    }

    /// <summary>The ratio of a size in lowest terms, "16:9" for 1280x720.</summary>
    public static string AspectOf(VideoSize size)
    {
        int a = size.Width, b = size.Height;
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{size.Width / a}:{size.Height / a}");
    }
}
