using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>The frames of a clip, drawn one at a time into a reused bitmap.</summary>
public interface IFrameSource : IDisposable
{
    /// <summary>
    /// Draws frame number <paramref name="frame"/> onto <paramref name="canvas"/>, which draws into
    /// <paramref name="bitmap"/> (the whole output frame, BGRA), so a source may also work on the pixels.
    /// </summary>
    void Draw(SKCanvas canvas, SKBitmap bitmap, int frame);
}
