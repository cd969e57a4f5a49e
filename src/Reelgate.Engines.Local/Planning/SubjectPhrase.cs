namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// A subject as the prompt names it, with the words bound to it: "three small red balloons" is one phrase
/// with count 3, size 0.75 and colour red.
/// </summary>
public sealed record SubjectPhrase(
    SubjectKind Kind,
    string Noun,
    string Singular,
    int Position,
    int Count,
    NamedColour? Colour,
    NamedColour? Accent,
    double Scale,
    SubjectHeading? Heading);
