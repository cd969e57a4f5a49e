namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// A prompt read by its structure (<see cref="PromptReader"/>): the subjects with what describes them, the
/// colours bound to places of the scene, a palette the prompt asks for, every binding made, and the scene
/// words (time, weather, backdrop, camera, ...) in order.
/// </summary>
public sealed record PromptReading(
    IReadOnlyList<LexiconMatch> Matches,
    IReadOnlyList<SubjectPhrase> Subjects,
    NamedColour? Sky,
    NamedColour? Light,
    NamedColour? Ground,
    NamedColour? Particles,
    NamedColour? Palette,
    IReadOnlyList<NamedColour> LooseColours,
    bool Monochrome,
    bool Sepia,
    IReadOnlyList<Binding> Bindings)
{
    /// <summary>The scene words of a category (not the modifiers bound to subjects), in order.</summary>
    public IEnumerable<LexiconMatch> Of(LexiconCategory category) => Matches.Where(m => m.Entry.Category == category);
}
