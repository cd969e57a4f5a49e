namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// One figure of the scene, in scene units (the short side of the frame is 1): where it starts (X as a
/// fraction of the width, Y of the height), which way and how fast it travels, its size, colour and the
/// phase of its bobbing. <see cref="Approach"/> &gt; 0 grows it over the clip (towards the camera), &lt; 0
/// shrinks it (away). <see cref="Group"/> numbers the prompt's subject phrases: "two cats" are two figures
/// of one group.
/// </summary>
public sealed record SubjectPlan(
    SubjectKind Kind,
    string Noun,
    double X,
    double Y,
    double Size,
    double Direction,
    double Speed,
    double Hue,
    double Phase)
{
    public double Saturation { get; init; } = 0.72;

    public double Lightness { get; init; } = 0.5;

    public NamedColour? Accent { get; init; }

    public double Approach { get; init; }

    public int Group { get; init; }

    /// <summary>Flies or floats in the sky (centred on Y) rather than standing on the ground (feet on Y).</summary>
    public bool Flies { get; init; }

    /// <summary>The colour word the prompt bound to it, or null when the palette chose its colour.</summary>
    public string? ColourWord { get; init; }

    /// <summary>True when the prompt named its direction.</summary>
    public bool HeadingNamed { get; init; }
}
