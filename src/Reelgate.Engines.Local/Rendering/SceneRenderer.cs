using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// Text to video: draws a frame of the plan back to front (sky, backdrop and ground, subjects, particles,
/// fog, lightning), then the style's finish. Scene units: the frame's short side is 1.
/// </summary>
public sealed class SceneRenderer : IFrameSource
{
    private readonly ScenePlan _plan;
    private readonly StyleLook _look;
    private readonly float _unit;
    private readonly float _sceneWidth;
    private readonly float _sceneHeight;
    private readonly StyleBrush _brush;
    private readonly SkyPainter _sky;
    private readonly BackdropPainter _backdrop;
    private readonly SubjectPainter _subjects;
    private readonly ParticlePainter _particles;
    private readonly StyleFinish _finish;
    private readonly SKPaint _fog = new() { IsAntialias = true };

    public SceneRenderer(ScenePlan plan)
    {
        _plan = plan;
        _look = StyleLook.For(plan.Style);
        _unit = Math.Min(plan.Width, plan.Height);
        _sceneWidth = plan.Width / _unit;
        _sceneHeight = plan.Height / _unit;
        var camera = new SceneCamera(plan, _sceneWidth, _sceneHeight);
        _brush = new StyleBrush(_look, LightOf(plan));
        _sky = new SkyPainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _backdrop = new BackdropPainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _subjects = new SubjectPainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _particles = new ParticlePainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _finish = new StyleFinish(_look, plan.Width, plan.Height);
    }

    /// <summary>How bright the scene's objects are at the plan's time of day.</summary>
    public static double LightOf(ScenePlan plan) => plan.TimeOfDay switch
    {
        _ when plan.Backdrop == Backdrop.Space => 0.8,
        TimeOfDay.Dawn => 0.88,
        TimeOfDay.Dusk => 0.74,
        TimeOfDay.Night => 0.42,
        _ => 1.0,
    };

    public void Draw(SKCanvas canvas, int frame)
    {
        var clock = SceneClock.At(_plan, frame, _look.OnTwos);
        canvas.ResetMatrix();
        _finish.Begin(canvas);
        canvas.Scale(_unit, _unit);
        _sky.Draw(canvas, clock);
        _backdrop.Draw(canvas, clock);
        _subjects.Draw(canvas, clock);
        _particles.Draw(canvas, clock);
        if (_plan.Weather == Weather.Fog)
        {
            DrawFog(canvas, clock);
        }

        _sky.DrawLightning(canvas, clock);
        _finish.End(canvas, clock.Pulse);
    }

    public void Dispose()
    {
        _fog.Dispose();
        _finish.Dispose();
        _particles.Dispose();
        _subjects.Dispose();
        _backdrop.Dispose();
        _sky.Dispose();
        _brush.Dispose();
    }

    private void DrawFog(SKCanvas canvas, SceneClock clock)
    {
        var white = new SKColor(225, 228, 232);
        for (var band = 0; band < 3; band++)
        {
            var y = _sceneHeight * (0.45f + (band * 0.18f));
            var drift = (float)(clock.Seconds * 0.03 * (band + 1) * Math.Max(_plan.Speed, 0.3));
            using var shader = SKShader.CreateLinearGradient(
                new SKPoint(0, y - 0.15f), new SKPoint(0, y + 0.15f),
                [white.WithAlpha(0), white.WithAlpha(150), white.WithAlpha(0)], SKShaderTileMode.Clamp);
            _fog.Shader = shader;
            canvas.DrawRect(-1 + drift - 0.2f, y - 0.15f, _sceneWidth + 2.4f, 0.3f, _fog);
            _fog.Shader = null;
        }

        _fog.Color = white.WithAlpha(70);
        canvas.DrawRect(-1, -1, _sceneWidth + 2, _sceneHeight + 2, _fog);
    }
}
