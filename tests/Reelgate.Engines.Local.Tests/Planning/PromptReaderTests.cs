using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class PromptReaderTests
{
    [Theory]
    [InlineData("A red fox running through snowy forest at dusk", "red → fox (colour)")]
    [InlineData("a tiny blue car", "tiny → car (size), blue → car (colour)")]
    [InlineData("three red balloons", "three → balloons (count), red → balloons (colour)")]
    [InlineData("a flock of birds", "flock of → birds (count)")]
    [InlineData("a red sky over a fox", "red → sky (colour)")]
    [InlineData("a fox in golden light", "golden → light (colour)")]
    [InlineData("purple mountains", "purple → ground (mountains) (colour)")]
    [InlineData("a woman in red", "red → woman (colour)")]
    [InlineData("the sky is pink", "pink → sky (colour)")]
    [InlineData("a fox, in shades of red", "red → whole scene (palette)")]
    [InlineData("a fox, blue tones", "blue → whole scene (palette)")]
    [InlineData("a dog running left", "left → dog (direction)")]
    [InlineData("an eagle flying towards the camera", "towards the camera → eagle (direction)")]
    [InlineData("a big fluffy white cat", "big → cat (size), white → cat (colour)")]
    [InlineData("a red and white balloon", "red → balloon (colour), white → balloon (second colour)")]
    [InlineData("in shades of the sea, a red fox", "red → fox (colour)")]
    public void Read_binds_each_word_to_what_it_describes_when_the_prompt_is_read(string prompt, string bindings) =>
        string.Join(", ", PromptReader.Read(prompt).Bindings).ShouldBe(bindings);

    [Fact]
    public void Read_gives_each_subject_its_own_count_and_colour_when_several_are_named()
    {
        var reading = PromptReader.Read("two cats and a dog, three red balloons and a yellow balloon");

        reading.Subjects.Select(s => (s.Noun, s.Count, s.Colour?.Word)).ShouldBe(
            [("cats", 2, null), ("dog", 1, null), ("balloons", 3, "red"), ("balloon", 1, "yellow")]);
    }

    [Fact]
    public void Read_counts_a_plural_as_three_when_no_count_is_given() =>
        PromptReader.Read("birds over the sea").Subjects.ShouldHaveSingleItem().Count.ShouldBe(3);

    [Fact]
    public void Read_does_not_bind_across_a_comma_when_the_words_are_a_list()
    {
        var reading = PromptReader.Read("snow, birds, red, night");

        reading.Subjects.ShouldHaveSingleItem().Colour.ShouldBeNull();
        reading.LooseColours.ShouldHaveSingleItem().Word.ShouldBe("red");
    }

    [Fact]
    public void Read_sets_monochrome_when_the_prompt_asks_for_black_and_white()
    {
        var reading = PromptReader.Read("a castle in black and white");

        reading.Monochrome.ShouldBeTrue();
        reading.LooseColours.ShouldBeEmpty();
    }
}
