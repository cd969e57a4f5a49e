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
    private readonly SKImage? _fogImage;

    public SceneRenderer(ScenePlan plan)
    {
        _plan = plan;
        _look = StyleLook.For(plan.Style);
        _unit = Math.Min(plan.Width, plan.Height);
        _sceneWidth = plan.Width / _unit;
        _sceneHeight = plan.Height / _unit;
        var camera = new SceneCamera(plan, _sceneWidth, _sceneHeight);
        _brush = new StyleBrush(_look, LightOf(plan), plan.Colours.Chroma);
        _sky = new SkyPainter(plan, _brush, camera, _sceneWidth, _sceneHeight, plan.Width, plan.Height);
        _backdrop = new BackdropPainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _subjects = new SubjectPainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _particles = new ParticlePainter(plan, _brush, camera, _sceneWidth, _sceneHeight);
        _finish = new StyleFinish(_look, plan.Width, plan.Height);
        _fogImage = plan.Weather == Weather.Fog ? DrawFogImage(plan.Width, plan.Height) : null;
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

    /// <summary>How strongly a beat shows (the subjects' halo): gentle when still, strong when fast.</summary>
    public static double AccentScale(MotionLevel motion) => motion switch
    {
        MotionLevel.Still => 0.25,
        MotionLevel.Slow => 0.6,
        MotionLevel.Fast => 1.3,
        _ => 1.0,
    };

    public void Draw(SKCanvas canvas, SKBitmap bitmap, int frame)
    {
        var clock = SceneClock.At(_plan, frame, _look.OnTwos);
        canvas.ResetMatrix();
        canvas.Scale(_unit, _unit);
        _sky.Draw(canvas, bitmap, clock);
        _backdrop.Draw(canvas, clock);
        _subjects.Draw(canvas, clock);
        _particles.Draw(canvas, clock);
        if (_plan.Weather == Weather.Fog)
        {
            DrawFog(canvas, clock);
        }

        _sky.DrawLightning(canvas, clock);

        // No whole-frame flash: the beat shows on the subjects (squash, halo) and in the camera's punch-in.
        _finish.End(canvas, bitmap, pulse: 0);
    }

    public void Dispose()
    {
        _fog.Dispose();
        _fogImage?.Dispose();
        _finish.Dispose();
        _particles.Dispose();
        _subjects.Dispose();
        _backdrop.Dispose();
        _sky.Dispose();
        _brush.Dispose();
    }

    /// <summary>Fog: banks drawn once (gradients are slow per frame), drifting sideways, over a thin haze.</summary>
    private void DrawFog(SKCanvas canvas, SceneClock clock)
    {
        canvas.Save();
        canvas.ResetMatrix();
        var drift = (float)((clock.Seconds * 0.04 * Math.Max(_plan.Speed, 0.3) * _unit) % _plan.Width);
        canvas.DrawImage(_fogImage, drift, 0, SKSamplingOptions.Default, null);
        canvas.DrawImage(_fogImage, drift - _plan.Width, 0, SKSamplingOptions.Default, null);
        _fog.Color = new SKColor(225, 228, 232, 60);
        canvas.DrawRect(0, 0, _plan.Width, _plan.Height, _fog);
        canvas.Restore();
    }

    private static SKImage DrawFogImage(int width, int height)
    {
        var white = new SKColor(225, 228, 232);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint())
        {
            canvas.Clear(SKColors.Transparent);
            for (var band = 0; band < 3; band++)
            {
                var y = height * (0.45f + (band * 0.18f));
                var half = height * 0.15f;
                using var shader = SKShader.CreateLinearGradient(
                    new SKPoint(0, y - half), new SKPoint(0, y + half),
                    [white.WithAlpha(0), white.WithAlpha((byte)(110 + (band * 20))), white.WithAlpha(0)], SKShaderTileMode.Clamp);
                paint.Shader = shader;
                canvas.DrawRect(0, y - half, width, 2 * half, paint);
                paint.Shader = null;
            }
        }

        using var pixels = bitmap.PeekPixels();
        return SKImage.FromPixelCopy(pixels);
    }
}
