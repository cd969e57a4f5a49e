namespace Reelgate.Engines.Local.Planning;

/// <summary>One phrase of the lexicon: the words as they appear in a prompt, and what they set.</summary>
public sealed record LexiconEntry(string Phrase, LexiconCategory Category, string Value);
