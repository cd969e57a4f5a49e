using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The plan's particles over the scene (camera depth 1.2): rain streaks, snowflakes, rising embers,
/// wandering fireflies, falling petals or leaves. Positions come from the plan's detail seed and move
/// with time, so frames are reproducible; the count follows the frame's area. Round particles (snow, embers,
/// fireflies) sit on whole pixels at a constant size: each is then the same few pixels from frame to frame,
/// which x264 predicts from the last frame instead of coding anew (anti-aliased at sub-pixel places, the
/// busy benchmark scene's snow cost about 0.15 CPU-s more to encode at 1080p).
/// </summary>
public sealed class ParticlePainter : ScenePainter, IDisposable
{
    private readonly float _pixelsPerUnit;
    private readonly float[] _x;
    private readonly float[] _y;
    private readonly float[] _speed;
    private readonly float[] _size;
    private readonly float[] _phase;
    private readonly SKPathBuilder _path = new();
    private readonly SKPaint _paint = new() { IsAntialias = true };

    public ParticlePainter(ScenePlan plan, StyleBrush brush, SceneCamera camera, float width, float height)
        : base(plan, brush, camera, width, height)
    {
        _pixelsPerUnit = Math.Min(plan.Width, plan.Height);
        var perArea = plan.Particles switch
        {
            ParticleKind.Rain => 150,
            ParticleKind.Snow => 135,
            ParticleKind.Embers => 45,
            ParticleKind.Fireflies => 30,
            ParticleKind.Petals => 40,
            ParticleKind.Leaves => 32,
            _ => 0,
        };
        var count = (int)(perArea * (width + 0.4f) * (height + 0.2f));
        var random = PlanRandom.Fork(plan.DetailSeed, "particles");
        (_x, _y, _speed, _size, _phase) = (new float[count], new float[count], new float[count], new float[count], new float[count]);
        for (var i = 0; i < count; i++)
        {
            _x[i] = (float)random.NextDouble();
            _y[i] = (float)random.NextDouble();
            _speed[i] = (float)random.Range(0.7, 1.3);
            _size[i] = (float)random.Range(0.6, 1.4);
            _phase[i] = (float)random.Range(0, Math.Tau);
        }
    }

    public void Draw(SKCanvas canvas, SceneClock clock)
    {
        if (_x.Length == 0)
        {
            return;
        }

        canvas.Save();
        canvas.Concat(Camera.At(clock, 1.2f));
        var t = (float)clock.Seconds;
        var pace = (float)(0.5 + (0.5 * Math.Min(Plan.Speed, 2.2)));
        var wind = Plan.Weather == Weather.Wind ? 0.35f : 0.08f;
        var w = Width + 0.4f;
        var h = Height + 0.2f;
        var toPixels = canvas.TotalMatrix;
        _path.Reset();
        _paint.Shader = null;
        switch (Plan.Particles)
        {
            case ParticleKind.Rain:
                for (var i = 0; i < _x.Length; i++)
                {
                    var (x, y) = Position(i, w, h, wind * pace * t, 1.7f * pace * t);
                    _path.MoveTo(x, y);
                    _path.LineTo(x - (0.012f * _size[i]), y - (0.055f * _size[i]));
                }

                Stroke(canvas, Brush.Look.Neon ? new SKColor(60, 230, 255, 190) : new SKColor(215, 225, 245, 170), 0.0028f);
                break;
            case ParticleKind.Snow:
                // Snow drifts down gently (about 8 s across the frame at a normal pace), unlike rain.
                for (var i = 0; i < _x.Length; i++)
                {
                    var (x, y) = Position(i, w, h, (wind * pace * t) + (0.03f * MathF.Sin(_phase[i] + (t * 1.3f))), 0.08f * pace * t);
                    AddDot(toPixels, x, y, 0.0055f * _size[i]);
                }

                FillDots(canvas, new SKColor(255, 255, 255, 235));
                break;
            case ParticleKind.Embers:
                for (var i = 0; i < _x.Length; i++)
                {
                    var (x, y) = Position(i, w, h, 0.04f * MathF.Sin(_phase[i] + (t * 2)), -0.22f * pace * t);
                    AddDot(toPixels, x, y, 0.004f * _size[i]);
                }

                FillDots(canvas, new SKColor(255, 150, 40, 230));
                break;
            case ParticleKind.Fireflies:
                for (var i = 0; i < _x.Length; i++)
                {
                    var (x, y) = Position(i, w, h * 0.5f, 0.05f * MathF.Sin(_phase[i] + (t * 0.9f * pace)),
                        0.04f * MathF.Cos(_phase[i] + (t * 0.7f * pace)));
                    AddDot(toPixels, x, y + (Height * 0.4f), 0.005f * _size[i]);
                }

                FillDots(canvas, new SKColor(220, 255, 120, 240));
                break;
            case ParticleKind.Petals:
            case ParticleKind.Leaves:
                for (var i = 0; i < _x.Length; i++)
                {
                    var (x, y) = Position(i, w, h, (wind * pace * t) + (0.05f * MathF.Sin(_phase[i] + (t * 1.7f))), 0.12f * pace * t);
                    var r = 0.009f * _size[i];
                    var squeeze = 0.4f + (0.6f * MathF.Abs(MathF.Sin(_phase[i] + (t * 3))));
                    _path.AddOval(new SKRect(x - r, y - (r * squeeze), x + r, y + (r * squeeze)));
                }

                FillPath(canvas, Plan.Particles == ParticleKind.Petals ? new SKColor(255, 180, 210, 235) : new SKColor(215, 110, 30, 235));
                break;
            default:
                break;
        }

        canvas.Restore();
    }

    public void Dispose()
    {
        _path.Dispose();
        _paint.Dispose();
    }

    private (float X, float Y) Position(int i, float w, float h, float dx, float dy)
    {
        var x = Wrap((_x[i] * w) + (dx * _speed[i]), w) - 0.2f;
        var y = Wrap((_y[i] * h) + (dy * _speed[i]), h) - 0.1f;
        return (x, y);
    }

    /// <summary>A round particle at the whole pixel nearest its place through the camera, its radius in scene units unscaled by the
    /// camera.</summary>
    private void AddDot(SKMatrix toPixels, float x, float y, float radius)
    {
        var pixel = toPixels.MapPoint(x, y);
        _path.AddCircle(MathF.Round(pixel.X), MathF.Round(pixel.Y), radius * _pixelsPerUnit);
    }

    /// <summary>Fills the dots added in pixels.</summary>
    private void FillDots(SKCanvas canvas, SKColor color)
    {
        canvas.ResetMatrix();
        FillPath(canvas, color);
    }

    private void Stroke(SKCanvas canvas, SKColor color, float width)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.StrokeCap = SKStrokeCap.Round;
        _paint.StrokeWidth = width;
        _paint.Color = Tint(color);
        canvas.DrawBuilt(_path, _paint);
    }

    private void FillPath(SKCanvas canvas, SKColor color)
    {
        _paint.Style = SKPaintStyle.Fill;
        _paint.Color = Tint(color);
        canvas.DrawBuilt(_path, _paint);
    }

    /// <summary>The particles' own colour, or the one the prompt bound to them ("golden sparks", "pink petals").</summary>
    private SKColor Tint(SKColor color) => Plan.Colours.Particles is { } named
        ? Brush.Color(named.Hue, named.Saturation, Math.Max(named.Lightness, 0.6) / Brush.Light).WithAlpha(color.Alpha)
        : color;

    private static float Wrap(float value, float range) => ((value % range) + range) % range;
}
