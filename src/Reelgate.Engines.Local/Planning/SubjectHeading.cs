namespace Reelgate.Engines.Local.Planning;

/// <summary>Which way a subject travels when the prompt says so.</summary>
public enum SubjectHeading
{
    Left,
    Right,

    /// <summary>Towards the camera: it grows over the clip.</summary>
    Toward,

    /// <summary>Away from the camera: it shrinks over the clip.</summary>
    Away,
}
