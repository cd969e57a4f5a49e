using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// Fills and outlines shapes the way a <see cref="StyleLook"/> says, and turns the plan's hues into the
/// style's colours under the scene's light. One per render; its paints and scratch path are reused.
/// </summary>
public sealed class StyleBrush : IDisposable
{
    private static readonly SKColor Ink = new(18, 16, 24);
    private static readonly SKColor NeonMagenta = new(255, 40, 200);
    private static readonly SKColor NeonCyan = new(30, 235, 255);

    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round,
        StrokeJoin = SKStrokeJoin.Round };
    private readonly SKPathBuilder _path = new();

    /// <param name="look">The style's look.</param>
    /// <param name="light">The scene's brightness.</param>
    /// <param name="chroma">How much colour the scene keeps (1 normally, 0 for monochrome).</param>
    public StyleBrush(StyleLook look, double light, double chroma = 1)
    {
        Look = look;
        Light = light;
        Chroma = chroma;
    }

    public StyleLook Look { get; }

    /// <summary>The scene's brightness (1 by day, lower at dusk and night).</summary>
    public double Light { get; }

    /// <summary>How much colour the scene keeps: 1 normally, 0 for a monochrome prompt.</summary>
    public double Chroma { get; }

    /// <summary>A plan colour as this style paints it: saturation and lightness adjusted, cyberpunk snapped to neon hues.</summary>
    public SKColor Color(double hue, double saturation, double lightness)
    {
        if (Look.Neon)
        {
            hue = NeonHue(hue);
        }

        var l = Math.Clamp((lightness + Look.LightnessLift) * Light, 0.02, 0.97);
        return HslColor.From(hue, saturation * Look.SaturationScale * Chroma, l);
    }

    /// <summary>Cyberpunk's two neon hues: magenta for warm hues, cyan for cool ones.</summary>
    public static double NeonHue(double hue)
    {
        hue = ((hue % 360) + 360) % 360;
        return hue is > 90 and < 260 ? 188 : 312;
    }

    public static SKColor Neon(double hue) => NeonHue(hue) > 250 ? NeonMagenta : NeonCyan;

    public void Circle(SKCanvas canvas, float x, float y, float radius, SKColor color)
    {
        _path.Reset();
        _path.AddCircle(x, y, radius);
        Fill(canvas, _path, color);
    }

    public void Oval(SKCanvas canvas, SKRect rect, SKColor color)
    {
        _path.Reset();
        _path.AddOval(rect);
        Fill(canvas, _path, color);
    }

    public void RoundRect(SKCanvas canvas, SKRect rect, float radius, SKColor color, bool shaded = true)
    {
        _path.Reset();
        _path.AddRoundRect(rect, radius, radius);
        Fill(canvas, _path, color, shaded);
    }

    public void Polygon(SKCanvas canvas, ReadOnlySpan<SKPoint> points, SKColor color, bool shaded = true)
    {
        _path.Reset();
        _path.AddPoly(points, true);
        Fill(canvas, _path, color, shaded);
    }

    /// <summary>A limb, string or stem: a thick round-capped line with the style's outline.</summary>
    public void Line(SKCanvas canvas, SKPoint from, SKPoint to, float width, SKColor color)
    {
        if (Look.OutlineWidth > 0 && !Look.Neon)
        {
            _stroke.Shader = null;
            _stroke.Color = OutlineColor(color);
            _stroke.StrokeWidth = width + (float)(Look.OutlineWidth * 1.4);
            canvas.DrawLine(from, to, _stroke);
        }

        _stroke.Shader = null;
        _stroke.Color = Look.Neon ? Neon(color.Hue) : color;
        _stroke.StrokeWidth = Look.Neon ? width * 0.5f : width;
        canvas.DrawLine(from, to, _stroke);
    }

    /// <summary>Fills what the builder holds, then empties it. Large shapes pass shaded: false (see <see cref="Fill(SKCanvas, SKPath,
    /// SKColor, bool)"/>).</summary>
    public void Fill(SKCanvas canvas, SKPathBuilder builder, SKColor color, bool shaded = true)
    {
        using var path = builder.Detach();
        Fill(canvas, path, color, shaded);
    }

    /// <summary>
    /// Fills a path with the style's shading, then outlines it. Shading uses gradient shaders, which Skia's
    /// CPU raster draws slowly over large areas, so landscape-sized shapes are filled flat (shaded: false).
    /// </summary>
    public void Fill(SKCanvas canvas, SKPath path, SKColor color, bool shaded = true)
    {
        var bounds = path.Bounds;
        if (Look.Neon)
        {
            _fill.Shader = null;
            _fill.Color = HslColor.Shade(color, -0.78);
            canvas.DrawPath(path, _fill);
            var neon = Neon(color.Hue);
            _stroke.Shader = null;
            _stroke.Color = neon.WithAlpha(70);
            _stroke.StrokeWidth = (float)(Look.OutlineWidth * 3.6);
            canvas.DrawPath(path, _stroke);
            _stroke.Color = neon;
            _stroke.StrokeWidth = (float)Look.OutlineWidth;
            canvas.DrawPath(path, _stroke);
            return;
        }

        using var shader = shaded ? Shader(bounds, color) : null;
        _fill.Shader = shader;
        _fill.Color = color;
        canvas.DrawPath(path, _fill);
        _fill.Shader = null;
        if (Look.OutlineWidth > 0)
        {
            _stroke.Shader = null;
            _stroke.Color = OutlineColor(color);
            _stroke.StrokeWidth = (float)Look.OutlineWidth;
            canvas.DrawPath(path, _stroke);
        }
    }

    public void Dispose()
    {
        _fill.Dispose();
        _stroke.Dispose();
        _path.Dispose();
    }

    private SKColor OutlineColor(SKColor color) => Look.DarkOutline ? Ink : HslColor.Shade(color, -0.35);

    private SKShader? Shader(SKRect b, SKColor color)
    {
        var size = Math.Max(b.Width, b.Height);
        return Look.Shading switch
        {
            ShadingKind.Soft => SKShader.CreateLinearGradient(
                new SKPoint(b.MidX, b.Top), new SKPoint(b.MidX, b.Bottom),
                [HslColor.Shade(color, 0.14), HslColor.Shade(color, -0.14)], SKShaderTileMode.Clamp),
            ShadingKind.Cel => SKShader.CreateLinearGradient(
                new SKPoint(b.MidX, b.Top), new SKPoint(b.MidX, b.Bottom),
                [color, color, HslColor.Shade(color, -0.3), HslColor.Shade(color, -0.3)], [0, 0.58f, 0.58f, 1], SKShaderTileMode.Clamp),
            ShadingKind.Volume => SKShader.CreateRadialGradient(
                new SKPoint(b.Left + (b.Width * 0.32f), b.Top + (b.Height * 0.28f)), size * 0.95f,
                [HslColor.Shade(color, 0.6), color, HslColor.Shade(color, -0.6)], [0, 0.42f, 1], SKShaderTileMode.Clamp),
            ShadingKind.Matte => SKShader.CreateRadialGradient(
                new SKPoint(b.Left + (b.Width * 0.45f), b.Top + (b.Height * 0.4f)), size * 0.8f,
                [HslColor.Shade(color, 0.1), color, HslColor.Shade(color, -0.12)], [0, 0.55f, 1], SKShaderTileMode.Clamp),
            _ => null,
        };
    }
}
