using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class LexiconTests
{
    [Theory]
    [InlineData("A RED Fox", "red", LexiconCategory.Colour, "0")]
    [InlineData("three cats", "three", LexiconCategory.Count, "3")]
    [InlineData("cats at play", "cats", LexiconCategory.Subject, "Creature")]
    [InlineData("a bird's eye view", "birds eye view", LexiconCategory.Camera, "Aerial")]
    [InlineData("in slow motion", "slow motion", LexiconCategory.Tempo, "SlowMotion")]
    [InlineData("foxes at play", "foxes", LexiconCategory.Subject, "Creature")]
    [InlineData("neon cities", "neon", LexiconCategory.Backdrop, "City")]
    [InlineData("slowly zoom in on it", "slowly", LexiconCategory.Motion, "Slow")]
    [InlineData("a hot air balloon", "hot air balloon", LexiconCategory.Subject, "Balloon")]
    [InlineData("at golden hour", "golden hour", LexiconCategory.TimeOfDay, "Dusk")]
    public void Match_finds_the_first_phrase_when_the_prompt_uses_it(string prompt, string text, LexiconCategory category, string value)
    {
        var match = Lexicon.Match(prompt)[0];

        match.Text.ShouldBe(text);
        match.Entry.Category.ShouldBe(category);
        match.Entry.Value.ShouldBe(value);
    }

    [Fact]
    public void Match_prefers_the_longest_phrase_when_phrases_overlap()
    {
        var matches = Lexicon.Match("zoom in on a cherry blossom");

        matches.Select(m => m.Text).ShouldBe(["zoom in", "cherry blossom"]);
        matches[0].Entry.Category.ShouldBe(LexiconCategory.Camera);
    }

    [Fact]
    public void Match_finds_nothing_when_no_word_is_known()
    {
        Lexicon.Match("an abstract composition of ideas").ShouldBeEmpty();
        Lexicon.Match(null).ShouldBeEmpty();
    }

    [Fact]
    public void Entries_are_all_documented_when_the_readme_is_read()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Reelgate.Engines.Local", "README.md"));

        foreach (var entry in Lexicon.Entries)
        {
            readme.ShouldContain(entry.Phrase, Case.Sensitive, $"README.md does not list \"{entry.Phrase}\"");
        }
    }

    [Fact]
    public void Entries_have_no_phrase_twice_when_the_table_is_built()
    {
        Lexicon.Entries.GroupBy(e => e.Phrase).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reelgate.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root was not found");
    }
}
