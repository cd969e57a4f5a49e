using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The figures, drawn in a unit box: ground figures stand on (0, 0) and reach up to about y = -1, flying
/// ones are centred on (0, 0); they face +x. Animated by <c>cycle</c> (radians of the walk or wing beat).
/// </summary>
public sealed class SubjectShapes(StyleBrush brush)
{
    private static readonly SKColor EyeWhite = new(250, 250, 250);
    private static readonly SKColor Pupil = new(20, 20, 30);

    public void Creature(SKCanvas c, SKColor body, SKColor accent, SKColor dark, float cycle)
    {
        var swing = MathF.Sin(cycle) * 0.12f;
        brush.Line(c, new(-0.28f, -0.3f), new(-0.28f - swing, -0.02f), 0.09f, dark);
        brush.Line(c, new(0.22f, -0.3f), new(0.22f + swing, -0.02f), 0.09f, dark);
        brush.Line(c, new(-0.42f, -0.45f), new(-0.62f, -0.8f + swing), 0.07f, body);
        brush.Oval(c, new SKRect(-0.48f, -0.62f, 0.42f, -0.24f), body);
        brush.Line(c, new(-0.18f, -0.3f), new(-0.18f + swing, -0.02f), 0.09f, body);
        brush.Line(c, new(0.3f, -0.3f), new(0.3f - swing, -0.02f), 0.09f, body);
        Span<SKPoint> ear1 = [new(0.26f, -0.86f), new(0.3f, -1.04f), new(0.4f, -0.88f)];
        Span<SKPoint> ear2 = [new(0.44f, -0.86f), new(0.54f, -1.02f), new(0.58f, -0.84f)];
        brush.Polygon(c, ear1, body);
        brush.Polygon(c, ear2, body);
        brush.Circle(c, 0.42f, -0.72f, 0.19f, body);
        brush.Oval(c, new SKRect(0.48f, -0.7f, 0.66f, -0.58f), accent);
        Eye(c, 0.48f, -0.77f, 0.045f);
    }

    public void Figure(SKCanvas c, SKColor body, SKColor accent, SKColor dark, float cycle)
    {
        var swing = MathF.Sin(cycle) * 0.14f;
        brush.Line(c, new(0, -0.42f), new(-swing, -0.02f), 0.08f, dark);
        brush.Line(c, new(0, -0.42f), new(swing, -0.02f), 0.08f, dark);
        brush.Line(c, new(0, -0.78f), new(swing * 1.3f, -0.45f), 0.065f, accent);
        brush.RoundRect(c, new SKRect(-0.12f, -0.82f, 0.12f, -0.4f), 0.08f, body);
        brush.Line(c, new(0, -0.78f), new(-swing * 1.3f, -0.45f), 0.065f, accent);
        brush.Circle(c, 0, -0.94f, 0.13f, accent);
        Eye(c, 0.07f, -0.96f, 0.03f);
    }

    public void Bird(SKCanvas c, SKColor body, SKColor accent, float cycle)
    {
        var flap = MathF.Sin(cycle * 1.6f) * 0.35f;
        Span<SKPoint> back = [new(-0.1f, -0.05f), new(-0.25f, -0.45f * flap - 0.05f), new(0.15f, -0.05f)];
        brush.Polygon(c, back, accent);
        brush.Oval(c, new SKRect(-0.45f, -0.16f, 0.4f, 0.14f), body);
        Span<SKPoint> tail = [new(-0.4f, -0.02f), new(-0.62f, -0.14f), new(-0.6f, 0.1f)];
        brush.Polygon(c, tail, body);
        brush.Circle(c, 0.38f, -0.1f, 0.14f, body);
        Span<SKPoint> beak = [new(0.5f, -0.13f), new(0.66f, -0.07f), new(0.5f, -0.03f)];
        brush.Polygon(c, beak, new SKColor(250, 190, 40));
        Span<SKPoint> wing = [new(-0.1f, -0.02f), new(-0.2f, -0.55f * flap), new(0.18f, -0.02f)];
        brush.Polygon(c, wing, accent);
        Eye(c, 0.42f, -0.13f, 0.035f);
    }

    public void Fish(SKCanvas c, SKColor body, SKColor accent, float cycle)
    {
        var wag = MathF.Sin(cycle * 1.4f) * 0.12f;
        Span<SKPoint> tail = [new(-0.35f, 0), new(-0.62f, -0.22f + wag), new(-0.62f, 0.22f + wag)];
        brush.Polygon(c, tail, accent);
        brush.Oval(c, new SKRect(-0.45f, -0.22f, 0.45f, 0.22f), body);
        Span<SKPoint> fin = [new(-0.1f, -0.2f), new(0.05f, -0.38f), new(0.15f, -0.2f)];
        brush.Polygon(c, fin, accent);
        Eye(c, 0.25f, -0.05f, 0.05f);
    }

    public void Vehicle(SKCanvas c, SKColor body, SKColor accent, SKColor dark, float wheelAngle)
    {
        brush.RoundRect(c, new SKRect(-0.6f, -0.42f, 0.6f, -0.14f), 0.08f, body);
        brush.RoundRect(c, new SKRect(-0.32f, -0.66f, 0.3f, -0.38f), 0.1f, body);
        brush.RoundRect(c, new SKRect(-0.26f, -0.61f, 0.24f, -0.42f), 0.06f, accent);
        foreach (var wx in new[] { -0.35f, 0.35f })
        {
            brush.Circle(c, wx, -0.13f, 0.13f, dark);
            var a = wheelAngle;
            brush.Line(c, new(wx - (0.09f * MathF.Cos(a)), -0.13f - (0.09f * MathF.Sin(a))),
                new(wx + (0.09f * MathF.Cos(a)), -0.13f + (0.09f * MathF.Sin(a))), 0.025f, accent);
        }

        brush.Circle(c, 0.56f, -0.32f, 0.04f, new SKColor(255, 240, 170));
    }

    public void House(SKCanvas c, SKColor body, SKColor accent, SKColor dark, bool lit)
    {
        brush.RoundRect(c, new SKRect(-0.42f, -0.62f, 0.42f, 0), 0.02f, accent);
        Span<SKPoint> roof = [new(-0.52f, -0.58f), new(0, -1.0f), new(0.52f, -0.58f)];
        brush.Polygon(c, roof, body);
        brush.RoundRect(c, new SKRect(-0.1f, -0.3f, 0.1f, 0), 0.02f, dark);
        var glass = lit ? new SKColor(255, 215, 110) : new SKColor(150, 190, 220);
        brush.RoundRect(c, new SKRect(-0.34f, -0.5f, -0.16f, -0.34f), 0.01f, glass);
        brush.RoundRect(c, new SKRect(0.16f, -0.5f, 0.34f, -0.34f), 0.01f, glass);
    }

    public void Tree(SKCanvas c, SKColor leaves, SKColor dark, float sway)
    {
        brush.Line(c, new(0, 0), new(sway * 0.3f, -0.5f), 0.1f, dark);
        brush.Circle(c, sway, -0.68f, 0.28f, leaves);
        brush.Circle(c, -0.2f + sway, -0.52f, 0.2f, leaves);
        brush.Circle(c, 0.22f + sway, -0.54f, 0.2f, leaves);
    }

    public void Robot(SKCanvas c, SKColor body, SKColor accent, SKColor dark, float cycle)
    {
        var step = MathF.Sin(cycle) * 0.06f;
        brush.Line(c, new(-0.1f, -0.3f), new(-0.1f, -0.02f + step), 0.08f, dark);
        brush.Line(c, new(0.1f, -0.3f), new(0.1f, -0.02f - step), 0.08f, dark);
        brush.RoundRect(c, new SKRect(-0.22f, -0.66f, 0.22f, -0.26f), 0.06f, body);
        brush.RoundRect(c, new SKRect(-0.16f, -0.92f, 0.16f, -0.68f), 0.05f, body);
        brush.Line(c, new(0, -0.92f), new(0, -1.02f), 0.025f, dark);
        brush.Circle(c, 0, -1.04f, 0.035f, new SKColor(255, 80, 80));
        brush.RoundRect(c, new SKRect(-0.11f, -0.85f, 0.14f, -0.77f), 0.03f, new SKColor(90, 240, 255));
        brush.RoundRect(c, new SKRect(-0.12f, -0.56f, 0.12f, -0.42f), 0.03f, accent);
    }

    public void Balloon(SKCanvas c, SKColor body, SKColor accent, SKColor dark)
    {
        brush.Line(c, new(-0.08f, 0.3f), new(-0.16f, 0.05f), 0.015f, dark);
        brush.Line(c, new(0.08f, 0.3f), new(0.16f, 0.05f), 0.015f, dark);
        brush.RoundRect(c, new SKRect(-0.1f, 0.28f, 0.1f, 0.42f), 0.02f, dark);
        brush.Oval(c, new SKRect(-0.32f, -0.42f, 0.32f, 0.12f), body);
        brush.Oval(c, new SKRect(-0.1f, -0.42f, 0.1f, 0.12f), accent);
    }

    public void Flower(SKCanvas c, SKColor petals, SKColor centre, SKColor stem, float sway)
    {
        brush.Line(c, new(0, 0), new(sway, -0.6f), 0.05f, stem);
        for (var i = 0; i < 6; i++)
        {
            var a = i * MathF.Tau / 6;
            brush.Circle(c, sway + (0.14f * MathF.Cos(a)), -0.72f + (0.14f * MathF.Sin(a)), 0.1f, petals);
        }

        brush.Circle(c, sway, -0.72f, 0.09f, centre);
    }

    public void Orb(SKCanvas c, SKColor body, SKColor accent)
    {
        brush.Circle(c, 0, 0, 0.34f, body);
        brush.Oval(c, new SKRect(-0.5f, -0.06f, 0.5f, 0.06f), accent);
    }

    private void Eye(SKCanvas c, float x, float y, float r)
    {
        brush.Circle(c, x, y, r, EyeWhite);
        brush.Circle(c, x + (r * 0.3f), y, r * 0.5f, Pupil);
    }
}
