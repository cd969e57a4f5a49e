using System.Runtime.InteropServices;
using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The sky: a gradient by time of day and weather (in the colour the prompt bound to the sky, its horizon in
/// the light's colour, or tinted by a palette the prompt asked for), sun or moon, stars, clouds, lightning.
/// </summary>
public sealed class SkyPainter : ScenePainter, IDisposable
{
    private readonly SKPoint[] _stars;
    private readonly double[] _starPhase;
    private readonly (float X, float Y, float Size)[] _clouds;
    private readonly SKPaint _paint = new() { IsAntialias = true };
    private readonly SKPathBuilder _path = new();
    private readonly SKImage _gradient;

    // The gradient runs from top to bottom only, so each of its rows is one colour: filling the rows with these writes the
    // frame without reading the image (a third of a copy's time at 1080p).
    private readonly uint[] _rowColours;

    // The sky covers the whole frame and is opaque: copying it (Src) instead of blending it (SrcOver) is a memcpy a row.
    private readonly SKPaint _copy = new() { BlendMode = SKBlendMode.Src };

    public SkyPainter(ScenePlan plan, StyleBrush brush, SceneCamera camera, float width, float height, int pixelWidth, int pixelHeight)
        : base(plan, brush, camera, width, height)
    {
        var random = PlanRandom.Fork(plan.DetailSeed, "sky");
        var starCount = (int)(70 * width * height);
        _stars = new SKPoint[starCount];
        _starPhase = new double[starCount];
        for (var i = 0; i < starCount; i++)
        {
            _stars[i] = new SKPoint((float)random.Range(-0.2, width + 0.2), (float)random.Range(-0.2, height * 0.6));
            _starPhase[i] = random.Range(0, Math.Tau);
        }

        (_gradient, _rowColours) = DrawGradient(pixelWidth, pixelHeight);
        _clouds = new (float, float, float)[5];
        for (var i = 0; i < _clouds.Length; i++)
        {
            _clouds[i] = ((float)(((i + 0.5) / _clouds.Length * (width + 0.6)) - 0.3 + random.Range(-0.1, 0.1)),
                (float)random.Range(0.06, 0.28) * height, (float)random.Range(0.09, 0.15));
        }
    }

    private bool Overcast => Plan.Weather is Weather.Rain or Weather.Storm or Weather.Fog or Weather.Snow;

    private bool Dark => Plan.TimeOfDay == TimeOfDay.Night || Plan.Backdrop == Backdrop.Space || Brush.Look.Neon;

    /// <summary>Draws the sky over the whole of <paramref name="bitmap"/>, which <paramref name="canvas"/> draws into.</summary>
    public void Draw(SKCanvas canvas, SKBitmap bitmap, SceneClock clock)
    {
        if (bitmap.Width == _gradient.Width && bitmap.Height == _gradient.Height && bitmap.ColorType == SKColorType.Bgra8888)
        {
            canvas.Flush();
            FillRows(MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan()), bitmap.Width);
        }
        else
        {
            canvas.Save();
            canvas.ResetMatrix();
            canvas.DrawImage(_gradient, 0, 0, SKSamplingOptions.Default, _copy);
            canvas.Restore();
        }

        canvas.Save();
        canvas.Concat(Camera.At(clock, 0.25f));
        if (Dark && !Overcast)
        {
            DrawStars(canvas, clock);
        }

        if (!Overcast && Plan.Effects.Celestial)
        {
            DrawCelestial(canvas, clock);
        }

        if (Plan.Effects.Clouds && Plan.Weather is Weather.Cloudy or Weather.Rain or Weather.Storm or Weather.Snow or Weather.Wind)
        {
            DrawClouds(canvas, clock);
        }

        canvas.Restore();
    }

    /// <summary>Storm lightning: a white flash and a bolt on strong beats.</summary>
    public void DrawLightning(SKCanvas canvas, SceneClock clock)
    {
        if (Plan.Weather != Weather.Storm || !clock.StrongPulse || clock.Pulse < 0.05)
        {
            return;
        }

        _paint.Shader = null;
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = SKColors.White.WithAlpha((byte)(140 * clock.Pulse));
        canvas.DrawRect(-1, -1, Width + 2, Height + 2, _paint);
        var random = PlanRandom.Fork(Plan.DetailSeed, "bolt-" + clock.Frame / SceneClock.PulseFrames);
        _path.Reset();
        var x = (float)random.Range(0.2, 0.8) * Width;
        var y = 0f;
        _path.MoveTo(x, y);
        while (y < Height * 0.6f)
        {
            x += (float)random.Range(-0.06, 0.06);
            y += (float)random.Range(0.04, 0.09);
            _path.LineTo(x, y);
        }

        _paint.Style = SKPaintStyle.Stroke;
        _paint.StrokeWidth = 0.008f;
        _paint.Color = new SKColor(240, 240, 255, (byte)(255 * clock.Pulse));
        canvas.DrawBuilt(_path, _paint);
    }

    public void Dispose()
    {
        _paint.Dispose();
        _path.Dispose();
        _gradient.Dispose();
        _copy.Dispose();
    }

    private void FillRows(Span<uint> pixels, int width)
    {
        for (var y = 0; y < _rowColours.Length; y++)
        {
            pixels.Slice(y * width, width).Fill(_rowColours[y]);
        }
    }

    /// <summary>The sky does not change from frame to frame: it is drawn once (gradients are slow in Skia's CPU raster), then
    /// filled row by row, or blitted.</summary>
    private (SKImage Image, uint[] RowColours) DrawGradient(int pixelWidth, int pixelHeight)
    {
        var (top, bottom) = SkyColors();
        SKColor[] colors;
        float[] stops;
        if (Brush.Look.BandedSky)
        {
            var mid1 = Mix(top, bottom, 0.33);
            var mid2 = Mix(top, bottom, 0.66);
            colors = [top, top, mid1, mid1, mid2, mid2, bottom, bottom];
            stops = [0, 0.25f, 0.25f, 0.5f, 0.5f, 0.75f, 0.75f, 1];
        }
        else
        {
            colors = [top, bottom];
            stops = [0, 1];
        }

        using var bitmap = new SKBitmap(new SKImageInfo(pixelWidth, pixelHeight, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var shader =
            SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, pixelHeight * 0.75f), colors, stops, SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, pixelWidth, pixelHeight, paint);
        }

        var rows = MemoryMarshal.Cast<byte, uint>(bitmap.GetPixelSpan());
        var rowColours = new uint[pixelHeight];
        for (var y = 0; y < pixelHeight; y++)
        {
            rowColours[y] = rows[y * pixelWidth];
        }

        using var pixels = bitmap.PeekPixels();
        return (SKImage.FromPixelCopy(pixels), rowColours);
    }

    private (SKColor Top, SKColor Bottom) SkyColors()
    {
        if (Brush.Look.Neon)
        {
            return (new SKColor(8, 6, 28), new SKColor(70, 10, 80));
        }

        var named = Plan.Palette.Named is not null;
        var h = Plan.Palette.PrimaryHue;
        (double H, double S, double L) top, bottom;
        if (Plan.Backdrop == Backdrop.Space)
        {
            (top, bottom) = ((named ? h : 250, 0.5, 0.04), (named ? h : 270, 0.5, 0.14));
        }
        else
        {
            (top, bottom) = Plan.TimeOfDay switch
            {
                TimeOfDay.Dawn => ((named ? h : 255, 0.45, 0.38), (named ? h + 12 : 25, 0.75, 0.68)),
                TimeOfDay.Dusk => ((named ? h : 245, 0.45, 0.24), (named ? h : 15, 0.8, 0.55)),
                TimeOfDay.Night => ((named ? h : 230, 0.5, 0.05), (named ? h : 225, 0.45, 0.16)),
                _ => ((named ? h : 212, 0.62, 0.52), (named ? h : 200, 0.5, 0.8)),
            };
        }

        if (Plan.Colours.Sky is { } sky)
        {
            top = Bound(sky, top.L, 0.85);
            bottom = Bound(sky, bottom.L, 0.7);
        }

        if (Plan.Colours.Light is { } light)
        {
            bottom = Bound(light, bottom.L, 0.9);
        }

        var (satScale, lightScale) = Plan.Weather switch
        {
            Weather.Rain or Weather.Storm => (0.3, 0.7),
            Weather.Fog => (0.25, 1.05),
            Weather.Cloudy or Weather.Snow => (0.55, 0.95),
            _ => (1.0, 1.0),
        };
        var sat = Brush.Look.SaturationScale * satScale * Brush.Chroma;
        var lift = Brush.Look.LightnessLift * 0.5;
        return (HslColor.From(top.H, top.S * sat, (top.L * lightScale) + lift),
            HslColor.From(bottom.H, bottom.S * sat, (bottom.L * lightScale) + lift));
    }

    /// <summary>A colour bound to the sky or the light, at the lightness the time of day gives (white and black pull it their
    /// way).</summary>
    private static (double H, double S, double L) Bound(NamedColour colour, double lightness, double saturation) =>
        colour.Achromatic
            ? (colour.Hue, colour.Saturation, (colour.Lightness * 0.7) + (lightness * 0.3))
            : (colour.Hue, colour.Saturation * saturation, lightness);

    /// <summary>The sun or moon, in the light's colour when the prompt names one; in a time-lapse it travels (sets at dusk, rises at
    /// dawn).</summary>
    private void DrawCelestial(SKCanvas canvas, SceneClock clock)
    {
        var light = Plan.Colours.Light;
        var travel = Plan.Tempo == Tempo.TimeLapse ? (float)(clock.Progress - 0.5) * 0.3f * Height : 0;
        switch (Plan.TimeOfDay)
        {
            case TimeOfDay.Night:
                Brush.Circle(canvas, Width * 0.76f, (Height * 0.2f) - travel, 0.055f, light is null ? new SKColor(235, 235, 215)
                    : Brush.Color(light.Hue, light.Saturation, 0.8 / Brush.Light));
                break;
            case TimeOfDay.Dawn:
            case TimeOfDay.Dusk:
                var sunY = (Height * 0.55f) + (Plan.TimeOfDay == TimeOfDay.Dawn ? -travel : travel);
                Brush.Circle(canvas, Width * 0.3f, sunY, 0.1f,
                    Brush.Color(light?.Hue ?? 28, light?.Saturation ?? 0.9, 0.6 / Brush.Light));
                break;
            default:
                if (Plan.Backdrop != Backdrop.Space)
                {
                    Brush.Circle(canvas, (Width * 0.8f) - travel, Height * 0.16f, 0.06f,
                        Brush.Color(light?.Hue ?? 52, light?.Saturation ?? 0.95, 0.62));
                }

                break;
        }
    }

    private void DrawStars(SKCanvas canvas, SceneClock clock)
    {
        _paint.Style = SKPaintStyle.Fill;
        for (var i = 0; i < _stars.Length; i++)
        {
            var twinkle = 0.55 + (0.45 * Math.Sin(_starPhase[i] + (clock.Seconds * 3)));
            _paint.Color = new SKColor(255, 255, 240, (byte)(255 * twinkle));
            canvas.DrawCircle(_stars[i], 0.0035f, _paint);
        }
    }

    private void DrawClouds(SKCanvas canvas, SceneClock clock)
    {
        var grey = Plan.Weather is Weather.Rain or Weather.Storm ? 0.5 : 0.9;
        var color = Brush.Color(Plan.Palette.PrimaryHue, 0.08, grey);
        var drift = (float)(0.03 * Plan.Speed * Plan.CloudPace * clock.Seconds) * (Plan.Weather == Weather.Wind ? 3 : 1);
        foreach (var (x, y, size) in _clouds)
        {
            var cx = Wrap(x + drift, Width + 0.6f) - 0.3f;
            _path.Reset();
            _path.AddCircle(cx, y, size);
            _path.AddCircle(cx + (size * 0.9f), y + (size * 0.2f), size * 0.75f);
            _path.AddCircle(cx - (size * 0.9f), y + (size * 0.25f), size * 0.65f);
            _path.AddRoundRect(new SKRect(cx - (size * 1.5f), y + (size * 0.1f), cx + (size * 1.6f), y + (size * 0.8f)), size * 0.35f,
                size * 0.35f);
            Brush.Fill(canvas, _path, color, shaded: false);
        }
    }

    private static float Wrap(float value, float range) => ((value % range) + range) % range;

    private static SKColor Mix(SKColor a, SKColor b, double t) => new(
        (byte)(a.Red + ((b.Red - a.Red) * t)),
        (byte)(a.Green + ((b.Green - a.Green) * t)),
        (byte)(a.Blue + ((b.Blue - a.Blue) * t)));
}
