namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// What a style preset changes. Each preset is a distinct look:
/// none: soft gradients; anime: flat cel shading (two tones) with dark outlines and banded sky;
/// 3d_animation: shaded volumes (radial light, specular highlight, contact shadows, vignette);
/// clay: muted matte pastels, thick soft outlines, motion on twos (stop-motion);
/// comic: posterised colour, halftone dots, heavy ink lines; cyberpunk: dark scene, neon magenta/cyan
/// glowing outlines, a neon grid floor and scanlines.
/// </summary>
public sealed record StyleLook(
    string Name,
    ShadingKind Shading,
    double OutlineWidth,
    bool DarkOutline,
    double SaturationScale,
    double LightnessLift,
    bool BandedSky,
    bool Posterise,
    bool Halftone,
    bool Neon,
    bool Scanlines,
    bool Vignette,
    bool OnTwos)
{
    public static StyleLook For(string style) => style switch
    {
        "anime" => new("anime", ShadingKind.Cel, 0.006, true, 1.2, 0.05, true, false, false, false, false, false, false),
        "3d_animation" => new("3d_animation", ShadingKind.Volume, 0, false, 1.15, 0.04, false, false, false, false, false, true, false),
        "clay" => new("clay", ShadingKind.Matte, 0.008, false, 0.45, 0.12, false, false, false, false, false, true, true),
        "comic" => new("comic", ShadingKind.Flat, 0.011, true, 1.15, 0, true, true, true, false, false, false, false),
        "cyberpunk" => new("cyberpunk", ShadingKind.Flat, 0.005, false, 1.0, -0.25, false, false, false, true, true, true, false),
        _ => new("none", ShadingKind.Soft, 0, false, 1.0, 0, false, false, false, false, false, false, false),
    };
}
