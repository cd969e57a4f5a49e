namespace Reelgate.Engines.Local.Planning;

/// <summary>How close the camera stands: the subjects' scale.</summary>
public enum Framing
{
    Normal,

    /// <summary>Subjects drawn about twice as large, fewer of them in view.</summary>
    CloseUp,

    /// <summary>Subjects drawn smaller, more landscape around them.</summary>
    Wide,
}
