namespace Reelgate.Engines.Local.Planning;

/// <summary>A lexicon phrase found in a prompt, with the word position where it starts.</summary>
public sealed record LexiconMatch(LexiconEntry Entry, int Position, string Text);
