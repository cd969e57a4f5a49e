namespace Reelgate.Engines.Local.Planning;

/// <summary>An accent at a frame: the picture pulses and the soundtrack strikes at frame/24 s exactly.</summary>
/// <param name="Frame">The frame index (0-based) the accent falls on.</param>
/// <param name="Degree">The melody's scale degree for this beat (pentatonic, 0..7).</param>
/// <param name="Strong">A downbeat (every fourth beat): louder, with a bass note.</param>
public sealed record Beat(int Frame, int Degree, bool Strong);
