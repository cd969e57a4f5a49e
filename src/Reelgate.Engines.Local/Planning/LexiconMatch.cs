namespace Reelgate.Engines.Local.Planning;

/// <summary>A lexicon phrase found in a prompt, with the word position where it starts.</summary>
public sealed record LexiconMatch(LexiconEntry Entry, int Position, string Text)
{
    /// <summary>The position of the first word after the phrase.</summary>
    public int End => Position + Text.Count(c => c == ' ') + 1;
}
