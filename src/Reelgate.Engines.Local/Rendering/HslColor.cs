using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>Colours from hue (degrees), saturation and lightness (0..1), as the plan speaks in hues.</summary>
public static class HslColor
{
    public static SKColor From(double hue, double saturation, double lightness, double alpha = 1)
    {
        hue = ((hue % 360) + 360) % 360;
        saturation = Math.Clamp(saturation, 0, 1);
        lightness = Math.Clamp(lightness, 0, 1);
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var h = hue / 60;
        var x = chroma * (1 - Math.Abs((h % 2) - 1));
        var (r, g, b) = (int)h switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        var m = lightness - (chroma / 2);
        return new SKColor(Byte(r + m), Byte(g + m), Byte(b + m), Byte(alpha));
    }

    /// <summary>The same colour, lighter (amount &gt; 0) or darker (amount &lt; 0), by mixing with white or black.</summary>
    public static SKColor Shade(SKColor color, double amount)
    {
        var target = amount >= 0 ? 255.0 : 0.0;
        var t = Math.Clamp(Math.Abs(amount), 0, 1);
        return new SKColor(
            Byte(((color.Red * (1 - t)) + (target * t)) / 255),
            Byte(((color.Green * (1 - t)) + (target * t)) / 255),
            Byte(((color.Blue * (1 - t)) + (target * t)) / 255),
            color.Alpha);
    }

    public static SKColor WithAlpha(SKColor color, double alpha) => color.WithAlpha(Byte(alpha));

    private static byte Byte(double unit) => (byte)Math.Clamp(Math.Round(unit * 255), 0, 255);
}
