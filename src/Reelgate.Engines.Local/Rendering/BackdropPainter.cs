using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>The landscape (hills, mountains, city, sea, forest, desert, space) and the ground, with parallax by depth.</summary>
public sealed class BackdropPainter : ScenePainter, IDisposable
{
    private readonly float _horizon;
    private readonly float[] _shapes;
    private readonly SKPathBuilder _path = new();
    private readonly SKPathBuilder _windows = new();
    private readonly SKPaint _paint = new() { IsAntialias = true };

    public BackdropPainter(ScenePlan plan, StyleBrush brush, SceneCamera camera, float width, float height)
        : base(plan, brush, camera, width, height)
    {
        _horizon = height * (float)plan.Horizon;
        var random = PlanRandom.Fork(plan.DetailSeed, "backdrop");
        _shapes = new float[64];
        for (var i = 0; i < _shapes.Length; i++)
        {
            _shapes[i] = (float)random.NextDouble();
        }
    }

    /// <summary>Where the ground starts, in scene units from the top.</summary>
    public float Horizon => _horizon;

    public void Draw(SKCanvas canvas, SceneClock clock)
    {
        canvas.Save();
        canvas.Concat(Camera.At(clock, 0.5f));
        switch (Plan.Backdrop)
        {
            case Backdrop.Mountains:
                DrawMountains(canvas);
                break;
            case Backdrop.City:
                DrawCity(canvas);
                break;
            case Backdrop.Forest:
                DrawForest(canvas, clock);
                break;
            case Backdrop.Desert:
                DrawHills(canvas, 38, 0.05f, 0.6);
                break;
            case Backdrop.Space:
                Brush.Circle(canvas, Width * 0.25f, _horizon * 0.45f, 0.16f, Brush.Color(Plan.Palette.SecondaryHue, 0.5, 0.5));
                break;
            case Backdrop.Sea:
                break;
            default:
                DrawHills(canvas, GroundHue() + 10, 0.09f, 0.5);
                break;
        }

        canvas.Restore();
        canvas.Save();
        canvas.Concat(Camera.At(clock, 1f));
        DrawGround(canvas, clock);
        canvas.Restore();
    }

    public void Dispose()
    {
        _path.Dispose();
        _windows.Dispose();
        _paint.Dispose();
    }

    private double GroundHue()
    {
        if (Plan.Colours.Ground is { } ground)
        {
            return ground.Hue;
        }

        if (Plan.Palette.Named is not null)
        {
            return Plan.Palette.PrimaryHue;
        }

        return Plan.Backdrop switch
        {
            Backdrop.City => 230,
            Backdrop.Sea => 198,
            Backdrop.Desert => 38,
            Backdrop.Space => 260,
            Backdrop.Forest => 125,
            _ => 105,
        };
    }

    /// <summary>The hue the prompt gave the land ("purple mountains", "a red desert"), or the palette's when it asked for one.</summary>
    private double? LandHue() => Plan.Colours.Ground?.Hue ?? (Plan.Palette.Named is not null ? Plan.Palette.PrimaryHue : null);

    private void DrawGround(SKCanvas canvas, SceneClock clock)
    {
        var hue = GroundHue();
        var saturation = Plan.Backdrop is Backdrop.City or Backdrop.Space && Plan.Palette.Named is null ? 0.12 : 0.55;
        var lightness = Plan.Backdrop == Backdrop.Sea ? 0.42 : 0.4;
        if (Plan.Colours.Ground is { } named)
        {
            saturation = Math.Min(named.Saturation, 0.65);
            lightness = named.Achromatic ? named.Lightness * 0.9 : 0.42;
        }
        _path.Reset();
        _path.AddRect(new SKRect(-1.5f, _horizon, Width + 1.5f, Height + 1.5f));
        Brush.Fill(canvas, _path, Brush.Color(hue, saturation, lightness), shaded: false);
        if (Plan.Backdrop == Backdrop.Sea)
        {
            var wave = Brush.Color(hue, saturation * 0.6, 0.7);
            for (var row = 0; row < 4; row++)
            {
                var y = _horizon + ((Height - _horizon) * (0.15f + (row * 0.22f)));
                _path.Reset();
                var shift = (float)(clock.Seconds * 0.12 * Plan.Speed * (row + 1));
                for (var x = -1.5f; x <= Width + 1.5f; x += 0.02f)
                {
                    var yy = y + (0.012f * (row + 1) * MathF.Sin(((x + shift) * 9) + row));
                    if (x <= -1.5f)
                    {
                        _path.MoveTo(x, yy);
                    }
                    else
                    {
                        _path.LineTo(x, yy);
                    }
                }

                _paint.Style = SKPaintStyle.Stroke;
                _paint.Shader = null;
                _paint.StrokeWidth = 0.006f;
                _paint.Color = wave;
                canvas.DrawBuilt(_path, _paint);
            }
        }

        if (Brush.Look.Neon)
        {
            DrawNeonGrid(canvas, clock);
        }
    }

    private void DrawNeonGrid(SKCanvas canvas, SceneClock clock)
    {
        _paint.Style = SKPaintStyle.Stroke;
        _paint.Shader = null;
        _paint.StrokeWidth = 0.004f;
        _paint.Color = new SKColor(255, 40, 200, 200);
        var vanishing = new SKPoint(Width / 2, _horizon);
        for (var i = -12; i <= 12; i++)
        {
            canvas.DrawLine(vanishing, new SKPoint((Width / 2) + (i * 0.25f), Height + 1), _paint);
        }

        var scroll = (float)((clock.Seconds * 0.6 * Math.Max(Plan.Speed, 0.2)) % 1.0);
        for (var k = 0; k < 10; k++)
        {
            var z = (k + 1 - scroll) / 10f;
            var y = _horizon + ((Height + 0.2f - _horizon) * z * z);
            canvas.DrawLine(-1.5f, y, Width + 1.5f, y, _paint);
        }
    }

    private void DrawHills(SKCanvas canvas, double hue, float amplitude, double lightness)
    {
        for (var layer = 0; layer < 2; layer++)
        {
            _path.Reset();
            var baseY = _horizon - (layer == 0 ? 0.1f : 0.02f);
            _path.MoveTo(-1.5f, _horizon + 0.1f);
            for (var x = -1.5f; x <= Width + 1.5f; x += 0.03f)
            {
                var y = baseY - (amplitude * (1 + MathF.Sin((x * (2.2f + layer)) + (_shapes[layer] * 6))) * (
                    0.6f + (0.4f * MathF.Sin(x * 5.1f))));
                _path.LineTo(x, y);
            }

            _path.LineTo(Width + 1.5f, _horizon + 0.1f);
            _path.Close();
            Brush.Fill(canvas, _path, Brush.Color(hue, 0.45, lightness - (layer * 0.08)), shaded: false);
        }
    }

    private void DrawMountains(SKCanvas canvas)
    {
        var hue = LandHue() ?? 225;
        var count = 7;
        for (var i = 0; i < count; i++)
        {
            var cx = -0.8f + ((Width + 1.6f) * (i + 0.5f) / count) + ((_shapes[i] - 0.5f) * 0.15f);
            var peak = _horizon - (0.22f + (0.2f * _shapes[i + 8]));
            var half = 0.25f + (0.15f * _shapes[i + 16]);
            Span<SKPoint> body = [new(cx - half, _horizon + 0.05f), new(cx, peak), new(cx + half, _horizon + 0.05f)];
            Brush.Polygon(canvas, body, Brush.Color(hue, 0.25, 0.42 + (0.08 * _shapes[i + 24])), shaded: false);
            var capH = (_horizon - peak) * 0.28f;
            var capW = half * 0.28f;
            Span<SKPoint> cap = [new(cx - capW, peak + capH), new(cx, peak), new(cx + capW, peak + capH)];
            Brush.Polygon(canvas, cap, Brush.Color(hue, 0.08, 0.92), shaded: false);
        }
    }

    private void DrawCity(SKCanvas canvas)
    {
        var lit = Plan.TimeOfDay is TimeOfDay.Night or TimeOfDay.Dusk || Brush.Look.Neon;
        var windowColor = lit ? new SKColor(255, 220, 120) : Brush.Color(220, 0.2, 0.3);
        var x = -1.2f;
        var i = 0;
        while (x < Width + 1.2f)
        {
            var w = 0.1f + (0.08f * _shapes[i % 64]);
            var h = 0.18f + (0.3f * _shapes[(i + 13) % 64]);
            var rect = new SKRect(x, _horizon - h, x + w, _horizon + 0.02f);
            Brush.RoundRect(canvas, rect, 0.004f, Brush.Color(LandHue() ?? 230, 0.15, 0.3 + (0.12 * _shapes[(i + 29) % 64])),
                shaded: false);
            _windows.Reset();
            for (var wy = rect.Top + 0.02f; wy < rect.Bottom - 0.03f; wy += 0.035f)
            {
                for (var wx = rect.Left + 0.015f; wx < rect.Right - 0.02f; wx += 0.03f)
                {
                    _windows.AddRect(new SKRect(wx, wy, wx + 0.012f, wy + 0.016f));
                }
            }

            _paint.Style = SKPaintStyle.Fill;
            _paint.Shader = null;
            _paint.Color = windowColor;
            canvas.DrawBuilt(_windows, _paint);
            x += w + 0.01f;
            i++;
        }
    }

    private void DrawForest(SKCanvas canvas, SceneClock clock)
    {
        var sway = (float)(0.01 * Math.Sin(clock.Seconds * 1.5) * (Plan.Weather == Weather.Wind ? 3 : 1));
        var count = (int)((Width + 2.4f) / 0.14f);
        for (var i = 0; i < count; i++)
        {
            var cx = -1.2f + (i * 0.14f) + (_shapes[i % 64] * 0.05f);
            var h = 0.22f + (0.14f * _shapes[(i + 7) % 64]);
            Span<SKPoint> tree = [new(cx - 0.07f, _horizon + 0.02f), new(cx + sway, _horizon - h), new(cx + 0.07f, _horizon + 0.02f)];
            Brush.Polygon(canvas, tree, Brush.Color(LandHue() ?? 135, 0.45, 0.26 + (0.08 * _shapes[(i + 3) % 64])), shaded: false);
        }
    }
}
