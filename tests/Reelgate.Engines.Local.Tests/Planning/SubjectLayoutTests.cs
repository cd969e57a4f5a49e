using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class SubjectLayoutTests
{
    [Theory]
    [InlineData("two cats and a dog in a meadow", 3)]
    [InlineData("a flock of birds over the sea", 7)]
    [InlineData("three red balloons and a yellow balloon", 4)]
    [InlineData("a crowd of people in a city, close-up", 6)]
    [InlineData("a dog running right and a cat running left", 2)]
    public void Place_keeps_figures_of_a_row_apart_when_several_are_named(string prompt, int figures)
    {
        foreach (var ratio in new[] { "16:9", "1:1", "9:16" })
        {
            var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt, aspectRatio: ratio));
            var unit = Math.Min(plan.Width, plan.Height);
            var width = plan.Width / (double)unit;

            plan.Subjects.Count.ShouldBe(figures);
            foreach (var row in plan.Subjects.GroupBy(s => s.Y > 0.6 ? Math.Round(s.Y, 2) : -1))
            {
                // One velocity per row, so the gaps of the first frame hold for the whole clip.
                row.Select(s => s.Direction * s.Speed).Distinct().Count().ShouldBe(1, $"{prompt} ({ratio})");
                var spans = row.Select(s => (
                    Left: (s.X * width) - (s.Size * SubjectLayout.WidthPerSize / 2),
                    Right: (s.X * width) + (s.Size * SubjectLayout.WidthPerSize / 2)))
                    .OrderBy(s => s.Left).ToList();
                spans.Zip(spans.Skip(1)).ShouldAllBe(p => p.First.Right <= p.Second.Left, $"{prompt} ({ratio})");
                spans.ShouldAllBe(s => s.Left >= 0 && s.Right <= width, $"{prompt} ({ratio})");
            }
        }
    }

    [Fact]
    public void Place_puts_opposite_headings_on_separate_rows_when_subjects_cross()
    {
        var plan = ScenePlanner.Plan(Specs.Make(prompt: "a dog running right and a cat running left on the beach"));

        var dog = plan.Subjects.Single(s => s.Noun == "dog");
        var cat = plan.Subjects.Single(s => s.Noun == "cat");
        dog.Direction.ShouldBe(1);
        cat.Direction.ShouldBe(-1);
        Math.Abs(dog.Y - cat.Y).ShouldBeGreaterThan(0.1);
    }

    [Fact]
    public void Place_makes_the_subject_grow_when_it_comes_towards_the_camera()
    {
        var toward = ScenePlanner.Plan(Specs.Make(prompt: "an eagle flying towards the camera")).Subjects.ShouldHaveSingleItem();
        var away = ScenePlanner.Plan(Specs.Make(prompt: "a man walking away")).Subjects.ShouldHaveSingleItem();

        toward.Approach.ShouldBeGreaterThan(0);
        away.Approach.ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("a fox, close-up", Framing.CloseUp)]
    [InlineData("a fox, wide shot", Framing.Wide)]
    public void Place_scales_the_subject_when_the_framing_is_named(string prompt, Framing framing)
    {
        var plain = ScenePlanner.Plan(Specs.Make(prompt: "a fox")).Subjects[0].Size;
        var framed = ScenePlanner.Plan(Specs.Make(prompt: prompt));

        framed.Framing.ShouldBe(framing);
        (framed.Subjects[0].Size / plain).ShouldBe(framing == Framing.CloseUp ? 1.8 : 0.6, 0.15);
    }
}
