namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// One figure of the scene, in scene units (the short side of the frame is 1): where it starts, which
/// way and how fast it travels, its size, colour and the phase of its bobbing.
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
    double Phase);
