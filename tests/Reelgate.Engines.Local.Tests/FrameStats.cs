namespace Reelgate.Engines.Local.Tests;

/// <summary>Measures of decoded RGB24 frames, computed here, independent of the renderer.</summary>
internal static class FrameStats
{
    public static double Luma(byte r, byte g, byte b) => (0.299 * r) + (0.587 * g) + (0.114 * b);

    public static double MeanLuma(byte[] rgb)
    {
        var sum = 0.0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            sum += Luma(rgb[i], rgb[i + 1], rgb[i + 2]);
        }

        return sum / (rgb.Length / 3);
    }

    /// <summary>The circular mean hue in degrees, each pixel weighted by its chroma (grey pixels do not vote).</summary>
    public static double MeanHue(byte[] rgb)
    {
        double x = 0, y = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            var (hue, chroma) = Hue(rgb[i], rgb[i + 1], rgb[i + 2]);
            x += chroma * Math.Cos(hue * Math.PI / 180);
            y += chroma * Math.Sin(hue * Math.PI / 180);
        }

        var mean = Math.Atan2(y, x) * 180 / Math.PI;
        return (mean + 360) % 360;
    }

    public static double HueDistance(double a, double b)
    {
        var d = Math.Abs(a - b) % 360;
        return Math.Min(d, 360 - d);
    }

    /// <summary>Mean absolute difference per channel value (0..255) between two frames of the same size.</summary>
    public static double MeanAbsDiff(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum / (double)a.Length;
    }

    /// <summary>
    /// Small bright specks: pixels with luma ≥ 170 that are at least 40 brighter than the mean of the four
    /// pixels three steps away (up, down, left, right) — snowflakes, rain streaks, sparks; not broad shapes.
    /// </summary>
    public static int Specks(byte[] rgb, int width, int height)
    {
        const int Reach = 3;
        var count = 0;
        for (var y = Reach; y < height - Reach; y++)
        {
            for (var x = Reach; x < width - Reach; x++)
            {
                var centre = L(rgb, width, x, y);
                if (centre < 170)
                {
                    continue;
                }

                var ring = (L(rgb, width, x - Reach, y) + L(rgb, width, x + Reach, y) + L(rgb, width, x, y - Reach) + L(
                    rgb,
                    width,
                    x,
                    y + Reach)) / 4;
                if (centre - ring >= 40)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static double L(byte[] rgb, int width, int x, int y)
    {
        var i = ((y * width) + x) * 3;
        return Luma(rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    internal static (double Hue, double Chroma) Hue(byte r, byte g, byte b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var chroma = (double)(max - min);
        if (chroma == 0)
        {
            return (0, 0);
        }

        double h;
        if (max == r)
        {
            h = ((g - b) / chroma) % 6;
        }
        else if (max == g)
        {
            h = ((b - r) / chroma) + 2;
        }
        else
        {
            h = ((r - g) / chroma) + 4;
        }

        return ((h * 60 + 360) % 360, chroma);
    }
}
