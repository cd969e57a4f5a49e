namespace Reelgate.Engines.Local.Planning;

/// <summary>Small moving things drawn over the scene.</summary>
public enum ParticleKind
{
    None,
    Rain,
    Snow,
    Embers,
    Fireflies,
    Petals,
    Leaves,
}
