namespace Reelgate.Engines.Local.Planning;

/// <summary>The figures the renderer can draw; the lexicon maps many nouns onto each.</summary>
public enum SubjectKind
{
    Creature,
    Figure,
    Bird,
    Fish,
    Vehicle,
    House,
    Tree,
    Robot,
    Balloon,
    Flower,
    Orb,
}
