using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class ScenePlannerTests
{
    [Theory]
    [InlineData("a red car", 0)]
    [InlineData("a blue whale", 220)]
    [InlineData("a purple balloon", 275)]
    public void Plan_colours_the_subject_and_not_the_palette_when_a_colour_comes_before_its_noun(string prompt, double hue)
    {
        var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt));

        plan.Subjects.ShouldHaveSingleItem().Hue.ShouldBe(hue);
        plan.Subjects[0].ColourWord.ShouldNotBeNull();
        plan.Palette.Named.ShouldBeNull();
    }

    [Theory]
    [InlineData("a car in shades of red", 0)]
    [InlineData("a car, blue tones", 220)]
    [InlineData("a balloon over the hills, purple", 275)]
    public void Plan_takes_the_palette_from_the_colour_word_when_the_prompt_asks_for_one(string prompt, double hue)
    {
        var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt));

        plan.Palette.PrimaryHue.ShouldBe(hue);
        plan.Palette.Named.ShouldNotBeNull();
        plan.Subjects.ShouldAllBe(s => s.ColourWord == null);
    }

    [Fact]
    public void Plan_colours_the_land_when_a_colour_comes_before_a_backdrop_word() =>
        ScenePlanner.Plan(Specs.Make(prompt: "an emerald forest")).Colours.Ground.ShouldNotBeNull().Hue.ShouldBe(125);

    [Theory]
    [InlineData("a cat at night", TimeOfDay.Night)]
    [InlineData("a cat at sunrise", TimeOfDay.Dawn)]
    [InlineData("a cat at sunset", TimeOfDay.Dusk)]
    [InlineData("a cat on a sunny afternoon", TimeOfDay.Day)]
    public void Plan_sets_the_time_of_day_when_the_prompt_names_it(string prompt, TimeOfDay time) =>
        ScenePlanner.Plan(Specs.Make(prompt: prompt)).TimeOfDay.ShouldBe(time);

    [Theory]
    [InlineData("a fox in the rain", Weather.Rain, ParticleKind.Rain)]
    [InlineData("a fox in a thunderstorm", Weather.Storm, ParticleKind.Rain)]
    [InlineData("a fox in the snow", Weather.Snow, ParticleKind.Snow)]
    [InlineData("a fox in the fog", Weather.Fog, ParticleKind.None)]
    [InlineData("a fox by a campfire", Weather.Clear, ParticleKind.Embers)]
    [InlineData("fireflies over a pond", Weather.Clear, ParticleKind.Fireflies)]
    public void Plan_adds_weather_and_particles_when_the_prompt_names_them(string prompt, Weather weather, ParticleKind particles)
    {
        var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt));

        plan.Weather.ShouldBe(weather);
        plan.Particles.ShouldBe(particles);
    }

    [Fact]
    public void Plan_leaves_out_weather_subjects_and_colours_when_the_negative_prompt_names_them()
    {
        var spec = Specs.Make(prompt: "a red fox and a bird in the snow at night", negative: "snow, birds, red, night");

        var plan = ScenePlanner.Plan(spec);

        plan.Weather.ShouldBe(Weather.Clear);
        plan.Particles.ShouldBe(ParticleKind.None);
        plan.Subjects.Select(s => s.Kind).ShouldBe([SubjectKind.Creature]);
        plan.Palette.Named.ShouldBeNull();
        ScenePlanner.HueDistance(plan.Palette.PrimaryHue, 0).ShouldBeGreaterThan(35);
        plan.TimeOfDay.ShouldNotBe(TimeOfDay.Night);
        plan.Excluded.Select(m => m.Text).ShouldBe(["snow", "birds", "red", "night"]);
    }

    [Fact]
    public void Plan_equals_the_plan_without_the_word_when_the_negative_prompt_removes_it()
    {
        var withSnow = ScenePlanner.Plan(Specs.Make(prompt: "a fox in a meadow in the snow", negative: "snow"));
        var plain = ScenePlanner.Plan(Specs.Make(prompt: "a fox in a meadow"));

        withSnow.Weather.ShouldBe(plain.Weather);
        withSnow.Particles.ShouldBe(plain.Particles);
        withSnow.Subjects.ShouldBe(plain.Subjects);
        withSnow.Palette.ShouldBe(plain.Palette);
        withSnow.Camera.ShouldBe(plain.Camera);
        withSnow.Beats.ShouldBe(plain.Beats);
        withSnow.DetailSeed.ShouldBe(plain.DetailSeed);
    }

    [Fact]
    public void Plan_drops_whole_groups_when_the_negative_prompt_names_a_category()
    {
        var plan = ScenePlanner.Plan(Specs.Make(
            prompt: "a dog and a bird chasing in the rain, zoom in",
            negative: "animals, weather, camera movement"));

        plan.Weather.ShouldBe(Weather.Clear);
        plan.Particles.ShouldBe(ParticleKind.None);
        plan.Camera.ShouldBe(CameraMove.Static);
        plan.Subjects.ShouldAllBe(s => s.Kind != SubjectKind.Creature && s.Kind != SubjectKind.Bird && s.Kind != SubjectKind.Fish);
    }

    [Theory]
    [InlineData("a car, zoom in", CameraMove.ZoomIn)]
    [InlineData("a car, pull back", CameraMove.ZoomOut)]
    [InlineData("a car, pan left", CameraMove.PanLeft)]
    [InlineData("a car, tracking shot", CameraMove.PanRight)]
    [InlineData("a car, orbiting", CameraMove.Orbit)]
    [InlineData("a car, static camera", CameraMove.Static)]
    [InlineData("a still lake", CameraMove.Static)]
    public void Plan_sets_the_camera_when_the_prompt_names_a_move(string prompt, CameraMove camera) =>
        ScenePlanner.Plan(Specs.Make(prompt: prompt)).Camera.ShouldBe(camera);

    [Theory]
    [InlineData("a still pond", MotionLevel.Still, 24)]
    [InlineData("a slow river", MotionLevel.Slow, 18)]
    [InlineData("a river", MotionLevel.Normal, 14)]
    [InlineData("a fast car racing", MotionLevel.Fast, 10)]
    public void Plan_sets_motion_and_beat_interval_when_the_prompt_names_a_pace(string prompt, MotionLevel motion, int interval)
    {
        var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt, duration: 8));

        plan.Motion.ShouldBe(motion);
        plan.BeatInterval.ShouldBe(interval);
        plan.Beats.ShouldNotBeEmpty();
        plan.Beats.Zip(plan.Beats.Skip(1)).ShouldAllBe(p => p.Second.Frame - p.First.Frame == interval);
        plan.Beats.ShouldAllBe(b => b.Frame >= 3 && b.Frame < plan.FrameCount - 2);
    }

    [Fact]
    public void Plan_is_identical_when_spec_and_seed_repeat()
    {
        var spec = Specs.Make(prompt: "a red fox running through snow at dusk, zoom in", seed: 99);

        var a = ScenePlanner.Plan(spec);
        var b = ScenePlanner.Plan(spec);

        a.Subjects.ShouldBe(b.Subjects);
        a.Beats.ShouldBe(b.Beats);
        a.Palette.ShouldBe(b.Palette);
        a.DetailSeed.ShouldBe(b.DetailSeed);
        a.AudioSeed.ShouldBe(b.AudioSeed);
    }

    [Fact]
    public void Plan_differs_when_the_seed_changes()
    {
        var a = ScenePlanner.Plan(Specs.Make(seed: 1));
        var b = ScenePlanner.Plan(Specs.Make(seed: 2));

        a.DetailSeed.ShouldNotBe(b.DetailSeed);
        a.Subjects[0].X.ShouldNotBe(b.Subjects[0].X);
    }

    [Fact]
    public void Plan_picks_a_subject_when_the_prompt_names_none_and_keeps_at_most_four()
    {
        ScenePlanner.Plan(Specs.Make(prompt: "something beautiful")).Subjects.Count.ShouldBe(1);
        ScenePlanner.Plan(Specs.Make(prompt: "a cat, a dog, a bird, a fish, a car and a robot")).Subjects
            .Select(s => s.Noun).ShouldBe(["cat", "dog", "bird", "fish"]);
    }

    [Fact]
    public void Plan_uses_the_contract_size_and_frame_count_when_given_a_spec()
    {
        var plan = ScenePlanner.Plan(Specs.Make(resolution: "720p", aspectRatio: "9:16", duration: 10));

        (plan.Width, plan.Height, plan.FrameCount).ShouldBe((720, 1280, 240));
    }
}
