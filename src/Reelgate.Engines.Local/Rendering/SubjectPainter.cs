using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// Draws the plan's subjects on the ground plane (camera depth 1): each travels along its path, bobs,
/// swings its limbs with the motion level, and on every beat squashes and flares a halo behind it. The beat
/// stays local to the subjects on purpose: a whole-frame flash changes every block of every frame near a
/// beat, which made x264 spend about 40 % more on a 1080p clip (docs/benchmarks.md).
/// </summary>
public sealed class SubjectPainter : ScenePainter, IDisposable
{
    private readonly SubjectShapes _shapes;
    private readonly SKPaint _shadow = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _haloPaint = new();
    private readonly SKImage _halo = DrawHaloImage();
    private readonly double _haloScale;

    // How far off the frame a subject travels before it comes back on the other side: enough for the largest to leave whole.
    private readonly float _margin;

    public SubjectPainter(ScenePlan plan, StyleBrush brush, SceneCamera camera, float width, float height)
        : base(plan, brush, camera, width, height)
    {
        _shapes = new SubjectShapes(brush);
        _haloScale = plan.Effects.Halo ? SceneRenderer.AccentScale(plan.Motion) : 0;
        _margin = (float)Math.Max(0.4, plan.Subjects.Select(s => s.Size * (1 + Math.Max(s.Approach, 0)) * 0.75).DefaultIfEmpty(0).Max());
    }

    /// <summary>Halo radius against the subject's size.</summary>
    public const float HaloRadius = 0.7f;

    public void Draw(SKCanvas canvas, SceneClock clock)
    {
        canvas.Save();
        canvas.Concat(Camera.At(clock, 1f));
        foreach (var subject in Plan.Subjects.OrderBy(s => s.Y))
        {
            DrawSubject(canvas, subject, clock);
        }

        canvas.Restore();
    }

    public void Dispose()
    {
        _shadow.Dispose();
        _haloPaint.Dispose();
        _halo.Dispose();
    }

    /// <summary>A soft white disc fading to nothing at its edge, drawn once (a gradient per frame is slow) and scaled per
    /// subject.</summary>
    private static SKImage DrawHaloImage()
    {
        const int side = 128;
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        using (var shader = SKShader.CreateRadialGradient(
            new SKPoint(side / 2f, side / 2f), side / 2f,
            [new SKColor(255, 250, 235, 255), new SKColor(255, 250, 235, 120), new SKColor(255, 250, 235, 0)], [0, 0.45f, 1],
                SKShaderTileMode.Clamp))
        {
            canvas.Clear(SKColors.Transparent);
            paint.Shader = shader;
            canvas.DrawRect(0, 0, side, side, paint);
        }

        using var pixels = bitmap.PeekPixels();
        return SKImage.FromPixelCopy(pixels);
    }

    /// <summary>The beat's halo behind a subject: it flares on the beat frame and decays with the pulse.</summary>
    private void DrawHalo(SKCanvas canvas, float x, float centreY, float size, SceneClock clock)
    {
        var strength = clock.Pulse * _haloScale;
        if (strength < 0.02)
        {
            return;
        }

        var radius = size * HaloRadius * (float)(1 + (0.25 * clock.Pulse));
        _haloPaint.Color = SKColors.White.WithAlpha((byte)Math.Round(230 * Math.Min(strength, 1)));
        canvas.DrawImage(_halo, new SKRect(x - radius, centreY - radius, x + radius, centreY + radius),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), _haloPaint);
    }

    private void DrawSubject(SKCanvas canvas, SubjectPlan subject, SceneClock clock)
    {
        var speed = Plan.Speed;
        var span = Width + (2 * _margin);
        var travel = (float)(subject.Direction * subject.Speed * speed * clock.Seconds);
        var x = (((((float)subject.X * Width) + travel + _margin) % span) + span) % span - _margin;
        var flies = subject.Flies;
        var bob = (float)(Math.Sin(subject.Phase + (clock.Seconds * Math.Tau * (0.4 + (0.5 * speed)))) * (flies ? 0.03 : 0.006) * Math.Min(
            speed + 0.2, 2));
        var y = ((float)subject.Y * Height) + bob;
        var grow = clock.Progress * clock.Progress * (3 - (2 * clock.Progress));
        var size = (float)(subject.Size * (1 + (subject.Approach * grow)));
        var cycle = (float)(subject.Phase + (clock.Seconds * (2.5 + (5 * speed))));
        var squash = (float)(0.14 * clock.Pulse);

        if (!flies && !Brush.Look.Neon && Brush.Look.Shading != ShadingKind.Flat)
        {
            _shadow.Color = new SKColor(0, 0, 0, (byte)(Brush.Look.Shading == ShadingKind.Volume ? 90 : 55));
            canvas.DrawOval(x, y + (size * 0.02f), size * 0.45f, size * 0.06f, _shadow);
        }

        DrawHalo(canvas, x, flies ? y : y - (size * 0.5f), size, clock);
        canvas.Save();
        canvas.Translate(x, y);
        canvas.Scale(subject.Direction < 0 ? -size : size, size);
        canvas.Scale(1 - (squash * 0.4f), 1 + squash);
        var body = Brush.Color(subject.Hue, subject.Saturation, subject.Lightness);
        var accent = subject.Accent is { } second ? Brush.Color(second.Hue, second.Saturation, second.Lightness)
            : subject.Saturation < 0.3 ? Brush.Color(
                subject.Hue, subject.Saturation, subject.Lightness > 0.5 ? subject.Lightness - 0.2 : subject.Lightness + 0.25)
            : Brush.Color(subject.Hue + 35, 0.6, 0.68);
        var dark = Brush.Color(subject.Hue, Math.Min(subject.Saturation, 0.35), Math.Min(0.2, subject.Lightness));
        var lit = Plan.TimeOfDay is TimeOfDay.Night or TimeOfDay.Dusk;
        switch (subject.Kind)
        {
            case SubjectKind.Creature:
                _shapes.Creature(canvas, body, accent, dark, cycle);
                break;
            case SubjectKind.Figure:
                _shapes.Figure(canvas, body, accent, dark, cycle);
                break;
            case SubjectKind.Bird:
                _shapes.Bird(canvas, body, accent, cycle);
                break;
            case SubjectKind.Fish:
                _shapes.Fish(canvas, body, accent, cycle);
                break;
            case SubjectKind.Vehicle:
                _shapes.Vehicle(canvas, body, accent, dark, (float)(subject.Direction * subject.Speed * speed * clock.Seconds * 40));
                break;
            case SubjectKind.House:
                _shapes.House(canvas, body, accent, dark, lit);
                break;
            case SubjectKind.Tree:
                _shapes.Tree(canvas, subject.ColourWord is not null ? body : Brush.Color(125, 0.55, 0.38), dark,
                    (float)(Math.Sin(cycle * 0.3) * (Plan.Weather == Weather.Wind ? 0.08 : 0.02)));
                break;
            case SubjectKind.Robot:
                _shapes.Robot(canvas, body, accent, dark, cycle);
                break;
            case SubjectKind.Balloon:
                _shapes.Balloon(canvas, body, accent, dark);
                break;
            case SubjectKind.Flower:
                _shapes.Flower(canvas, body, accent, Brush.Color(120, 0.5, 0.35), (float)Math.Sin(cycle * 0.4) * 0.1f);
                break;
            default:
                _shapes.Orb(canvas, body, accent);
                break;
        }

        canvas.Restore();
    }
}
