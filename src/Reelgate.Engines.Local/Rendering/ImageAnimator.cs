using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// Image to video. The first frame is the input image cover-cropped to the frame (see <see cref="ImageFit"/>);
/// the camera then moves into it (the plan's move, or a slow zoom in) while the plan's particles, the
/// style's colour grade and passes and the beat flashes fade in. With an end image the start image
/// dissolves into it while the end image's own move settles, so the last frame is that image, fitted,
/// with every effect faded out again.
/// </summary>
public sealed class ImageAnimator : IFrameSource
{
    private const double EffectRamp = 0.2;

    /// <summary>Beats flash gently over a photograph.</summary>
    private const double FlashScale = 0.3;

    private readonly ScenePlan _plan;
    private readonly SKImage _start;
    private readonly SKImage? _end;
    private readonly float _unit;
    private readonly StyleLook _look;
    private readonly StyleBrush _brush;
    private readonly SceneCamera _camera;
    private readonly ParticlePainter _particles;
    private readonly StyleFinish _finish;
    private readonly float[] _grade;
    private readonly SKPaint _imagePaint = new();
    private readonly SKPaint _layerPaint = new();
    private readonly double _travel;

    public ImageAnimator(ScenePlan plan, string startImage, string? endImage)
    {
        _plan = plan;
        _start = ImageFit.Cover(startImage, plan.Width, plan.Height);
        _end = endImage is null ? null : ImageFit.Cover(endImage, plan.Width, plan.Height);
        _unit = Math.Min(plan.Width, plan.Height);
        _look = StyleLook.For(plan.Style);
        _brush = new StyleBrush(_look, 1);
        var sceneWidth = plan.Width / _unit;
        var sceneHeight = plan.Height / _unit;
        _camera = new SceneCamera(plan with { Camera = CameraMove.Static }, sceneWidth, sceneHeight);
        _particles = new ParticlePainter(plan, _brush, _camera, sceneWidth, sceneHeight);
        _finish = new StyleFinish(_look with { Posterise = false }, plan.Width, plan.Height);
        _grade = StyleGrade.MatrixFor(plan.Style);
        _travel = plan.Motion switch
        {
            MotionLevel.Still => 0.03,
            MotionLevel.Slow => 0.08,
            MotionLevel.Fast => 0.22,
            _ => 0.13,
        };
    }

    public void Draw(SKCanvas canvas, SKBitmap bitmap, int frame)
    {
        var t = _plan.FrameCount <= 1 ? 0 : frame / (double)(_plan.FrameCount - 1);
        var clock = SceneClock.At(_plan, frame, onTwos: false);
        var effect = Math.Min(1, t / EffectRamp);
        if (_end is not null)
        {
            effect = Math.Min(effect, (1 - t) / EffectRamp);
        }

        effect = Math.Clamp(effect, 0, 1);
        canvas.ResetMatrix();
        canvas.Clear(SKColors.Black);
        using var grade = effect > 0 ? SKColorFilter.CreateColorMatrix(StyleGrade.Lerp(_grade, effect)) : null;
        _imagePaint.ColorFilter = grade;
        DrawImage(canvas, _start, Ease(t), 1);
        if (_end is not null)
        {
            var blend = SmoothStep(0.2, 0.8, t);
            if (blend > 0)
            {
                DrawImage(canvas, _end, -(1 - Ease(t)), blend);
            }
        }

        _imagePaint.ColorFilter = null;
        if (effect > 0 && _plan.Particles != ParticleKind.None)
        {
            _layerPaint.Color = SKColors.White.WithAlpha((byte)Math.Round(255 * effect));
            canvas.SaveLayer(_layerPaint);
            canvas.Scale(_unit, _unit);
            _particles.Draw(canvas, clock);
            canvas.Restore();
        }

        _finish.End(canvas, bitmap, clock.Pulse * FlashScale, effect);
    }

    public void Dispose()
    {
        _start.Dispose();
        _end?.Dispose();
        _brush.Dispose();
        _particles.Dispose();
        _finish.Dispose();
        _imagePaint.Dispose();
        _layerPaint.Dispose();
    }

    /// <summary>
    /// Draws an image under the camera move: <paramref name="amount"/> 0 is the fitted image itself; the
    /// start image moves forward (amount 0 → 1), the end image arrives from the other side (−1 → 0).
    /// </summary>
    private void DrawImage(SKCanvas canvas, SKImage image, double amount, double alpha)
    {
        var w = _plan.Width;
        var h = _plan.Height;
        var a = Math.Abs(amount);
        var zoom = 1 + (_travel * a);
        double dx = 0, dy = 0, angle = 0;
        switch (_plan.Camera)
        {
            case CameraMove.TiltUp:
            case CameraMove.TiltDown:
                dy = (_plan.Camera == CameraMove.TiltUp ? 1 : -1) * Math.Sign(amount) * (zoom - 1) * h / 2;
                break;
            case CameraMove.PanLeft:
            case CameraMove.PanRight:
                dx = (_plan.Camera == CameraMove.PanLeft ? 1 : -1) * Math.Sign(amount) * (zoom - 1) * w / 2;
                break;
            case CameraMove.Orbit:
                angle = 3 * amount;
                break;
            case CameraMove.ZoomOut:
                zoom = 1 + (_travel * a * 0.6);
                break;
            default:
                break;
        }

        canvas.Save();
        canvas.Translate((float)((w / 2.0) + dx), (float)((h / 2.0) + dy));
        canvas.RotateDegrees((float)angle);
        canvas.Scale((float)zoom);
        canvas.Translate(-w / 2f, -h / 2f);
        _imagePaint.Color = SKColors.White.WithAlpha((byte)Math.Round(255 * Math.Clamp(alpha, 0, 1)));
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None), _imagePaint);
        canvas.Restore();
    }

    private static double Ease(double t) => t * t * (3 - (2 * t));

    private static double SmoothStep(double from, double to, double t)
    {
        var x = Math.Clamp((t - from) / (to - from), 0, 1);
        return x * x * (3 - (2 * x));
    }
}
