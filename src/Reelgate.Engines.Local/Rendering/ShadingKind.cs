namespace Reelgate.Engines.Local.Rendering;

/// <summary>How a style fills a shape.</summary>
public enum ShadingKind
{
    /// <summary>A gentle top-to-bottom gradient.</summary>
    Soft,

    /// <summary>One flat colour.</summary>
    Flat,

    /// <summary>Two hard tones, lit above and shaded below.</summary>
    Cel,

    /// <summary>A radial light from the upper left with a dark rim: a lit volume.</summary>
    Volume,

    /// <summary>Very soft radial shading with no highlight: matte clay.</summary>
    Matte,
}
