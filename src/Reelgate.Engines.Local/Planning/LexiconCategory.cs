namespace Reelgate.Engines.Local.Planning;

/// <summary>What a lexicon phrase sets in the plan.</summary>
public enum LexiconCategory
{
    /// <summary>Value: the hue in degrees (0 red, 120 green, 240 blue).</summary>
    Colour,
    TimeOfDay,
    Weather,
    Particles,
    Subject,
    Backdrop,
    Motion,
    Camera,

    /// <summary>Words of a negative prompt that name a whole category ("weather", "animals").</summary>
    Group,
}
