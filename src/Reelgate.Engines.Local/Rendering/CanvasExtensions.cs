using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>Drawing what an <see cref="SKPathBuilder"/> holds (SkiaSharp 4 builds paths with a builder).</summary>
public static class CanvasExtensions
{
    /// <summary>Draws the built path and empties the builder for the next shape.</summary>
    public static void DrawBuilt(this SKCanvas canvas, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }
}
