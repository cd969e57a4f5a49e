namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Colours the prompt bound to parts of the scene ("a red sky", "golden light", "green hills"), each null
/// when none was, and how much colour the whole scene keeps: 1 normally, lower for "muted" or a negative
/// "colourful", 0 for "monochrome".
/// </summary>
public sealed record SceneColours(NamedColour? Sky, NamedColour? Light, NamedColour? Ground, NamedColour? Particles, double Chroma)
{
    public static SceneColours None { get; } = new(null, null, null, null, 1);
}
