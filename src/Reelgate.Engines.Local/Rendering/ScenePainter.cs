using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// One layer of the scene (sky, backdrop, subjects, particles): what every layer draws from, the plan, its style,
/// the camera and the scene's size in scene units.
/// </summary>
public abstract class ScenePainter(ScenePlan plan, StyleBrush brush, SceneCamera camera, float width, float height)
{
    protected ScenePlan Plan { get; } = plan;

    protected StyleBrush Brush { get; } = brush;

    protected SceneCamera Camera { get; } = camera;

    protected float Width { get; } = width;

    protected float Height { get; } = height;
}
