using System.Globalization;

namespace Reelgate.Engines.Local.Planning;

/// <summary>A colour word of a prompt as hue (degrees), saturation and lightness (0..1).</summary>
public sealed record NamedColour(string Word, double Hue, double Saturation, double Lightness)
{
    /// <summary>True for white, black and grey: no hue to speak of.</summary>
    public bool Achromatic => Saturation < 0.15;

    /// <summary>The colour of a lexicon colour phrase: a hue in degrees, or white, black, grey, brown.</summary>
    public static NamedColour From(LexiconMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return match.Entry.Value switch
        {
            "white" => new NamedColour(match.Text, 40, 0.08, 0.93),
            "black" => new NamedColour(match.Text, 230, 0.1, 0.1),
            "grey" => new NamedColour(match.Text, 220, 0.06, 0.55),
            "brown" => new NamedColour(match.Text, 26, 0.5, 0.3),
            var hue => new NamedColour(match.Text, double.Parse(hue, CultureInfo.InvariantCulture), 0.8, 0.5),
        };
    }

    /// <summary>Whether a negative prompt's colour names this one: the same word family, or a hue within 35°.</summary>
    public bool Matches(NamedColour other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Achromatic || other.Achromatic || Saturation < 0.6 || other.Saturation < 0.6)
        {
            return Math.Abs(Hue - other.Hue) < 0.5 && Math.Abs(Lightness - other.Lightness) < 0.05
                && Math.Abs(Saturation - other.Saturation) < 0.05;
        }

        return ScenePlanner.HueDistance(Hue, other.Hue) <= 35;
    }
}
