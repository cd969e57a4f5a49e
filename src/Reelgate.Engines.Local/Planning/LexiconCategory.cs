namespace Reelgate.Engines.Local.Planning;

/// <summary>What a lexicon phrase sets in the plan.</summary>
public enum LexiconCategory
{
    /// <summary>Value: the hue in degrees (0 red, 120 green, 240 blue), or white, black, grey, brown.</summary>
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

    /// <summary>A size before a noun ("tiny", "huge"); value: the scale.</summary>
    Size,

    /// <summary>How many of the next noun ("three", "a flock of"); value: the count.</summary>
    Count,

    /// <summary>Which way the subject before it travels ("left", "towards the camera").</summary>
    Direction,

    /// <summary>A part of the scene a colour can describe: sky, light, ground.</summary>
    Place,

    /// <summary>The scene's palette: "shades of", "tones" (with a colour), "monochrome", "sepia".</summary>
    Look,

    /// <summary>How close the camera is: close-up or wide.</summary>
    Framing,

    /// <summary>How time runs: slow motion, time-lapse.</summary>
    Tempo,

    /// <summary>An effect a negative prompt can remove (the beat's halo and flash).</summary>
    Effect,
}
