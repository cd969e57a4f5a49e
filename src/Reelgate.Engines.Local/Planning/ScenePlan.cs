namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Everything the renderer and the synthesiser need, decided once from the request: the same spec and
/// seed always give the same plan. <see cref="DetailSeed"/> and <see cref="AudioSeed"/> seed the
/// per-frame details (particle positions) and the noise of the soundtrack.
/// </summary>
public sealed record ScenePlan(
    int Seed,
    int Width,
    int Height,
    int FrameCount,
    string Style,
    Palette Palette,
    TimeOfDay TimeOfDay,
    Weather Weather,
    ParticleKind Particles,
    Backdrop Backdrop,
    IReadOnlyList<SubjectPlan> Subjects,
    MotionLevel Motion,
    CameraMove Camera,
    int BeatInterval,
    IReadOnlyList<Beat> Beats,
    IReadOnlyList<LexiconMatch> Recognised,
    IReadOnlyList<LexiconMatch> Excluded,
    ulong DetailSeed,
    ulong AudioSeed)
{
    public const int FramesPerSecond = 24;

    /// <summary>The frame rate of this clip: the card's fps (a model with its own table), else 24.</summary>
    public int Fps { get; init; } = FramesPerSecond;

    /// <summary>How fast things move relative to normal motion.</summary>
    public double Speed => Motion switch
    {
        MotionLevel.Still => 0.08,
        MotionLevel.Slow => 0.45,
        MotionLevel.Fast => 2.6,
        _ => 1.0,
    };

    /// <summary>Width over height.</summary>
    public double Aspect => Width / (double)Height;

    public double BeatsPerMinute => 60.0 * Fps / BeatInterval;
}
