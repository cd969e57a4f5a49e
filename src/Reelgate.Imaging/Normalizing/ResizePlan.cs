namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// The size a displayed image is normalised to: a short side under 300 is scaled up to 300, a long side
/// over 4000 down to 4000, the aspect kept. When both cannot hold (an aspect past 40:3) the 4000 cap wins,
/// so memory stays bounded, and the short side stays under 300.
/// </summary>
public readonly record struct ResizePlan(int Width, int Height)
{
    public static ResizePlan For(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var landscape = width >= height;
        var longSide = landscape ? width : height;
        var shortSide = landscape ? height : width;
        int newLong, newShort;
        if (longSide > ImageLimits.MaxLongSide)
        {
            newLong = ImageLimits.MaxLongSide;
            newShort = Scale(shortSide, ImageLimits.MaxLongSide, longSide);
        }
        else if (shortSide < ImageLimits.MinShortSide)
        {
            if ((long)longSide * ImageLimits.MinShortSide > (long)ImageLimits.MaxLongSide * shortSide)
            {
                newLong = ImageLimits.MaxLongSide;
                newShort = Scale(shortSide, ImageLimits.MaxLongSide, longSide);
            }
            else
            {
                newShort = ImageLimits.MinShortSide;
                newLong = Scale(longSide, ImageLimits.MinShortSide, shortSide);
            }
        }
        else
        {
            return new ResizePlan(width, height);
        }

        return landscape ? new ResizePlan(newLong, newShort) : new ResizePlan(newShort, newLong);
    }

    /// <summary>True when the plan keeps the size it was made from.</summary>
    public bool Keeps(int width, int height) => Width == width && Height == height;

    // side * numerator / denominator, rounded half up, at least 1.
    private static int Scale(int side, int numerator, int denominator) =>
        (int)Math.Max(1, ((long)side * numerator * 2 + denominator) / (2L * denominator));
}
