namespace Reelgate.Engines.Local.Planning;

/// <summary>The light of the scene: sky colours and overall brightness.</summary>
public enum TimeOfDay
{
    Day,
    Dawn,
    Dusk,
    Night,
}
