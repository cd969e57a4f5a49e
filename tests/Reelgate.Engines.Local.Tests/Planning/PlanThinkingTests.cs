using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class PlanThinkingTests
{
    [Fact]
    public void For_returns_the_readable_plan_when_thinking_is_enabled()
    {
        var spec = Specs.Make(prompt: "a red fox in the snow at night, zoom in", thinking: "enabled", style: "comic");

        var text = PlanThinking.For(spec, ScenePlanner.Plan(spec));

        text.ShouldNotBeNull();
        text.ShouldContain("seed 42");
        text.ShouldContain("red → fox (colour)");
        text.ShouldContain("night");
        text.ShouldContain("particles: snow");
        text.ShouldContain("fox (creature");
        text.ShouldContain("camera: slow zoom in");
        text.ShouldContain("Style: comic");
        text.ShouldContain("640x360, 120 frames");
    }

    [Fact]
    public void For_shows_each_binding_when_words_describe_subjects_places_and_the_palette()
    {
        var spec = Specs.Make(
            prompt: "two cats and a tiny blue car under a pink sky, a dog running left, monochrome",
            negative: "red balloons",
            thinking: "enabled");

        var text = PlanThinking.For(spec, ScenePlanner.Plan(spec))!;

        text.ShouldContain(
            "- Bindings: two → cats (count), tiny → car (size), blue → car (colour), pink → sky (colour), " +
                "left → dog (direction), monochrome → whole scene (palette)");
        text.ShouldContain("2 × cats (creature, on the ground, moving left)");
        text.ShouldContain("car (vehicle, blue, on the ground, moving left)");
        text.ShouldContain("Colours of the scene: sky pink");
        text.ShouldContain("; monochrome");
        text.ShouldContain("Left out (negative prompt): \"red\", \"balloons\"");
    }

    [Fact]
    public void For_returns_null_when_thinking_is_disabled()
    {
        var spec = Specs.Make(prompt: "a very long prompt about a red fox walking through the snowy forest at night", thinking: "disabled");

        PlanThinking.For(spec, ScenePlanner.Plan(spec)).ShouldBeNull();
    }

    [Theory]
    [InlineData("a fox", null, false)]
    [InlineData("a red fox walks through a snowy forest at night", null, true)]
    [InlineData("a fox in snow", "rain", true)]
    [InlineData("one two three four five six seven", null, false)]
    [InlineData("one two three four five six seven eight", null, true)]
    public void Runs_follows_the_auto_rule_when_thinking_is_auto(string prompt, string? negative, bool runs) =>
        PlanThinking.Runs(Specs.Make(prompt: prompt, negative: negative, thinking: "auto")).ShouldBe(runs);

    [Fact]
    public void For_names_what_was_left_out_when_a_negative_prompt_is_given()
    {
        var spec = Specs.Make(prompt: "a fox in the snow", negative: "snow", thinking: "enabled");

        PlanThinking.For(spec, ScenePlanner.Plan(spec))!.ShouldContain("Left out (negative prompt): \"snow\"");
    }
}
