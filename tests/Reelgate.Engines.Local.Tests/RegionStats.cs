namespace Reelgate.Engines.Local.Tests;

/// <summary>
/// Where a colour lies in a decoded RGB24 frame, and how a band of the frame moved between two frames;
/// computed here from the pixels, independent of the renderer and its plan.
/// </summary>
internal static class RegionStats
{
    /// <summary>Chroma (max − min channel) a pixel needs to count as coloured rather than grey.</summary>
    public const int MinChroma = 60;

    /// <summary>Pixels of a hue (± tolerance, chroma ≥ <see cref="MinChroma"/>) in rows [top, bottom) given as fractions of the
    /// height.</summary>
    public static int Count(byte[] rgb, int width, int height, double hue, double tolerance, double top, double bottom) =>
        Columns(rgb, width, height, hue, tolerance, top, bottom).Sum();

    /// <summary>Per column, how many pixels of the hue lie in the rows [top, bottom).</summary>
    public static int[] Columns(byte[] rgb, int width, int height, double hue, double tolerance, double top, double bottom)
    {
        var columns = new int[width];
        for (var y = (int)(top * height); y < (int)(bottom * height); y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 3;
                var (h, chroma) = FrameStats.Hue(rgb[i], rgb[i + 1], rgb[i + 2]);
                if (chroma >= MinChroma && FrameStats.HueDistance(h, hue) <= tolerance)
                {
                    columns[x]++;
                }
            }
        }

        return columns;
    }

    /// <summary>
    /// Separate stretches of columns holding the hue (a column counts with at least <paramref name="minPixels"/>
    /// such pixels); gaps narrower than <paramref name="mergeGap"/> columns join their neighbours, stretches
    /// narrower than <paramref name="minWidth"/> are noise.
    /// </summary>
    public static List<(int Start, int End)> Regions(int[] columns, int minPixels = 2, int mergeGap = 3, int minWidth = 4)
    {
        var runs = new List<(int Start, int End)>();
        var start = -1;
        for (var x = 0; x <= columns.Length; x++)
        {
            var on = x < columns.Length && columns[x] >= minPixels;
            if (on && start < 0)
            {
                start = x;
            }
            else if (!on && start >= 0)
            {
                if (runs.Count > 0 && start - runs[^1].End < mergeGap)
                {
                    runs[^1] = (runs[^1].Start, x);
                }
                else
                {
                    runs.Add((start, x));
                }

                start = -1;
            }
        }

        return runs.Where(r => r.End - r.Start >= minWidth).ToList();
    }

    /// <summary>Mean absolute difference per channel value between the same rows [top, bottom) of two frames.</summary>
    public static double BandDiff(byte[] a, byte[] b, int width, int height, double top, double bottom)
    {
        var from = (int)(top * height) * width * 3;
        var to = (int)(bottom * height) * width * 3;
        long sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum / (double)(to - from);
    }

    /// <summary>
    /// How many pixels to the right the rows [top, bottom) of <paramref name="a"/> moved to become those of
    /// <paramref name="b"/> (negative: to the left): the shift within ±<paramref name="maxShift"/> with the least
    /// mean absolute luma difference over the columns both frames share.
    /// </summary>
    public static int HorizontalShift(byte[] a, byte[] b, int width, int height, double top, double bottom, int maxShift)
    {
        var best = 0;
        var bestDiff = double.MaxValue;
        for (var dx = -maxShift; dx <= maxShift; dx++)
        {
            double sum = 0;
            var count = 0;
            for (var y = (int)(top * height); y < (int)(bottom * height); y++)
            {
                for (var x = Math.Max(0, -dx); x < Math.Min(width, width - dx); x++)
                {
                    var i = ((y * width) + x) * 3;
                    var j = ((y * width) + x + dx) * 3;
                    sum += Math.Abs(FrameStats.Luma(a[i], a[i + 1], a[i + 2]) - FrameStats.Luma(b[j], b[j + 1], b[j + 2]));
                    count++;
                }
            }

            if (sum / count < bestDiff)
            {
                bestDiff = sum / count;
                best = dx;
            }
        }

        return best;
    }
}
