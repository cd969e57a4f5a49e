namespace Reelgate.Engines.Local.Planning;

/// <summary>How much moves: subject and camera speed, particle speed and the tempo of the beats.</summary>
public enum MotionLevel
{
    Still,
    Slow,
    Normal,
    Fast,
}
