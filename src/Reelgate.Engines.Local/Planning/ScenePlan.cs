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
    /// <summary>Colours the prompt bound to the sky, the light, the ground and the particles.</summary>
    public SceneColours Colours { get; init; } = SceneColours.None;

    public Framing Framing { get; init; }

    public Tempo Tempo { get; init; }

    public SceneEffects Effects { get; init; } = SceneEffects.All;

    /// <summary>Each word and what it was read to describe ("red → fox (colour)").</summary>
    public IReadOnlyList<Binding> Bindings { get; init; } = [];

    /// <summary>Where the ground begins, as a fraction of the height from the top (higher up from a drone).</summary>
    public double Horizon => HorizonFor(Camera);

    public static double HorizonFor(CameraMove camera) => camera == CameraMove.Aerial ? 0.45 : 0.66;

    public const int FramesPerSecond = 24;

    /// <summary>The frame rate of this clip: the card's fps (a model with its own table), else 24.</summary>
    public int Fps { get; init; } = FramesPerSecond;

    /// <summary>How fast things move relative to normal motion.</summary>
    public double Speed => Tempo switch
    {
        Tempo.SlowMotion => 0.35,
        Tempo.TimeLapse => 1.8,
        _ => 1.0,
    } * Motion switch
    {
        MotionLevel.Still => 0.08,
        MotionLevel.Slow => 0.45,
        MotionLevel.Fast => 2.6,
        _ => 1.0,
    };

    /// <summary>How fast clouds drift relative to <see cref="Speed"/>: they race in a time-lapse.</summary>
    public double CloudPace => Tempo == Tempo.TimeLapse ? 8 : 1;

    /// <summary>Width over height.</summary>
    public double Aspect => Width / (double)Height;

    public double BeatsPerMinute => 60.0 * Fps / BeatInterval;
}
