using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>Draws frame number <c>frame</c> of a clip onto a canvas that covers the whole output frame.</summary>
public interface IFrameSource : IDisposable
{
    void Draw(SKCanvas canvas, int frame);
}
