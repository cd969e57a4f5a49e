namespace Reelgate.Engines.Local.Planning;

/// <summary>The virtual camera's move over the clip; layers move with parallax by depth.</summary>
public enum CameraMove
{
    Static,
    ZoomIn,
    ZoomOut,
    PanLeft,
    PanRight,
    Orbit,
    TiltUp,
    TiltDown,

    /// <summary>A drone's view: a high horizon, the camera gliding forward over the land.</summary>
    Aerial,
}
