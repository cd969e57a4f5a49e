using Reelgate.Engines.Local.Planning;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The plan's camera move as a matrix per layer depth (0 = infinitely far, 1 = the subjects' plane,
/// above 1 = foreground): nearer layers move more, which gives parallax. Beats add a small punch-in.
/// </summary>
public sealed class SceneCamera(ScenePlan plan, float sceneWidth, float sceneHeight)
{
    private readonly double _speed = Math.Min(plan.Speed, 1.8);

    // The beat's punch-in goes with the halo: a negative "flash" or "pulse" removes both.
    private readonly double _punch = plan.Effects.Halo ? 0.018 : 0;

    public SKMatrix At(SceneClock clock, float depth)
    {
        var t = Ease(clock.Progress);
        var cx = sceneWidth / 2;
        var cy = sceneHeight / 2;
        double zoom = 1, dx = 0, dy = 0, angle = 0;
        switch (plan.Camera)
        {
            case CameraMove.ZoomIn:
                zoom = 1 + (0.28 * _speed * t * depth);
                break;
            case CameraMove.ZoomOut:
                zoom = 1 + (0.28 * _speed * (1 - t) * depth);
                break;
            case CameraMove.PanLeft:
            case CameraMove.PanRight:
                zoom = 1 + (0.2 * depth);
                dx = (plan.Camera == CameraMove.PanLeft ? 1 : -1) * 0.09 * _speed * ((2 * t) - 1) * sceneWidth * depth;
                break;
            case CameraMove.TiltUp:
            case CameraMove.TiltDown:
                zoom = 1 + (0.2 * depth);
                dy = (plan.Camera == CameraMove.TiltUp ? 1 : -1) * 0.07 * _speed * ((2 * t) - 1) * sceneHeight * depth;
                break;
            case CameraMove.Aerial:
                // Gliding forward over the land: the near ground grows and slides down, the far sky barely moves.
                zoom = 1.08 + (0.22 * _speed * t * depth);
                dy = 0.05 * _speed * t * sceneHeight * depth;
                break;
            case CameraMove.Orbit:
                zoom = 1 + (0.2 * depth);
                angle = 4 * _speed * Math.Sin(Math.Tau * clock.Progress) * depth;
                dx = 0.04 * _speed * Math.Cos(Math.Tau * clock.Progress) * depth;
                dy = 0.02 * _speed * Math.Sin(Math.Tau * clock.Progress) * depth;
                break;
            default:
                break;
        }

        zoom *= 1 + (_punch * clock.Pulse * depth);
        var matrix = SKMatrix.CreateTranslation(cx + (float)dx, cy + (float)dy);
        matrix = matrix.PreConcat(SKMatrix.CreateRotationDegrees((float)angle));
        matrix = matrix.PreConcat(SKMatrix.CreateScale((float)zoom, (float)zoom));
        return matrix.PreConcat(SKMatrix.CreateTranslation(-cx, -cy));
    }

    private static double Ease(double t) => t * t * (3 - (2 * t));
}
