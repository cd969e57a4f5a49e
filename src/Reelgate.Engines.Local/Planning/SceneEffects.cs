namespace Reelgate.Engines.Local.Planning;

/// <summary>Parts of the picture a negative prompt can remove: clouds, the sun or moon, the beat's halo and punch-in.</summary>
public sealed record SceneEffects(bool Clouds, bool Celestial, bool Halo)
{
    public static SceneEffects All { get; } = new(true, true, true);
}
