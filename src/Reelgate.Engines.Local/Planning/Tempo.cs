namespace Reelgate.Engines.Local.Planning;

/// <summary>How time runs in the clip, on top of the motion level.</summary>
public enum Tempo
{
    Normal,

    /// <summary>Everything moves at about a third of its speed.</summary>
    SlowMotion,

    /// <summary>Clouds race, the sun or moon travels, subjects hurry.</summary>
    TimeLapse,
}
