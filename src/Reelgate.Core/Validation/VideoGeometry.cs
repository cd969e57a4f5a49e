using System.Globalization;

namespace Reelgate.Core.Validation;

/// <summary>
/// Pixel sizes per the contract: the short side is the resolution's number (360/540/720/1080), the
/// long side follows the aspect ratio, rounded to an even number (H.264 with yuv420p needs even sides).
/// </summary>
public static class VideoGeometry
{
    public const int FramesPerSecond = 24;

    public static VideoSize SizeOf(string resolution, string aspectRatio)
    {
        var shortSide = int.Parse(resolution.AsSpan(0, resolution.Length - 1), CultureInfo.InvariantCulture);
        var colon = aspectRatio.IndexOf(':', StringComparison.Ordinal);
        var w = int.Parse(aspectRatio.AsSpan(0, colon), CultureInfo.InvariantCulture);
        var h = int.Parse(aspectRatio.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        if (w == h)
        {
            return new VideoSize(shortSide, shortSide);
        }

        var longSide = RoundToEven(shortSide * (double)Math.Max(w, h) / Math.Min(w, h));
        return w > h ? new VideoSize(longSide, shortSide) : new VideoSize(shortSide, longSide);
    }

    public static int FrameCount(int durationSeconds) => durationSeconds * FramesPerSecond;

    private static int RoundToEven(double value) => (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2;
}
