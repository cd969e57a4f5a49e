namespace Reelgate.Engines.Local.Planning;

/// <summary>A word of the prompt and what it was read to describe: "red → fox (colour)".</summary>
/// <param name="Word">The words as written ("red", "a flock of").</param>
/// <param name="Target">What they describe: a subject's noun, "sky", "light", "ground", "palette".</param>
/// <param name="Aspect">What they set: colour, size, count, direction.</param>
public sealed record Binding(string Word, string Target, string Aspect)
{
    public override string ToString() => $"{Word} → {Target} ({Aspect})";
}
