using System.Globalization;
using System.Text;
using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Readme;

/// <summary>
/// The generated parts of the engine's README.md: the lexicon (from <see cref="Lexicon.Entries"/>) and thirty
/// prompts with the plans <see cref="ScenePlanner"/> makes of them (seed 42, 640x360). Each part sits between
/// <c>&lt;!-- generated: name --&gt;</c> and <c>&lt;!-- end generated: name --&gt;</c>.
/// </summary>
internal static class ReadmeTables
{
    /// <summary>Thirty prompts (and a negative prompt for some) that show each way words are read.</summary>
    public static readonly (string Prompt, string? Negative)[] Prompts =
    [
        ("A red fox running through snowy forest at dusk", null),
        ("two cats and a dog in a meadow", null),
        ("a flock of birds over the sea at sunset", null),
        ("three red balloons in a blue sky", null),
        ("a tiny blue car on a city street at night", null),
        ("a huge robot walking left through the desert", null),
        ("an eagle flying towards the camera, slow motion", null),
        ("a lighthouse on the coast under a red sky, time-lapse", null),
        ("a white horse in a green valley, golden hour, drone shot", null),
        ("a black cat and a grey cat sitting by a house, static camera", null),
        ("a dancer in red on a stage, close-up", null),
        ("a school of fish underwater, in shades of blue", null),
        ("a castle on a hill, monochrome, wide shot", null),
        ("purple mountains under a pink sky at dawn, pan left", null),
        ("a small yellow bird and a big brown bear in the woods, tilt up", null),
        ("five lanterns floating over a lake at night", null),
        ("a dog running right and a cat running left on the beach", null),
        ("a knight and a dragon in a stormy sky, orbit", null),
        ("a man walking away into the distance in the fog", null),
        ("autumn leaves falling on a red cottage, zoom out", null),
        ("a crowd of people in a neon city at night, tracking shot", null),
        ("pink petals around a tree in a gentle breeze", null),
        ("a golden orb over the desert dunes, sepia", null),
        ("an astronaut on a planet in outer space, golden light, zoom in", null),
        ("a red car and a blue truck racing on a road, aerial view", null),
        ("a herd of deer in a snowy meadow at sunrise", "snow"),
        ("three red balloons and a yellow balloon over the hills", "red balloons"),
        ("a red fox in the forest at dusk", "red"),
        ("a cat under a purple sky with glowing fireflies", "fireflies, purple sky"),
        ("a fast train crossing a valley in the rain", "weather, flashing"),
    ];

    public static string PromptTable()
    {
        var text = new StringBuilder();
        text.Append("| # | prompt | negative prompt | bindings | subjects | scene |\n|---|---|---|---|---|---|\n");
        for (var i = 0; i < Prompts.Length; i++)
        {
            var (prompt, negative) = Prompts[i];
            var plan = ScenePlanner.Plan(Specs.Make(prompt: prompt, negative: negative));
            var bindings = plan.Bindings.Count == 0 ? "none" : string.Join(", ", plan.Bindings);
            text.Append(
                CultureInfo.InvariantCulture,
                $"| {i + 1} | {prompt} | {negative ?? ""} | {bindings} | {PlanThinking.Subjects(plan)} | {Scene(plan)} |\n");
        }

        return text.ToString();
    }

    public static string LexiconTable()
    {
        var text = new StringBuilder();
        text.Append("| category | sets | phrases |\n|---|---|---|\n");
        foreach (var row in Lexicon.Entries.GroupBy(e => (e.Category, e.Value)))
        {
            var sets = row.Key.Category == LexiconCategory.Colour && double.TryParse(row.Key.Value, CultureInfo.InvariantCulture, out _)
                ? $"hue {row.Key.Value}°"
                : row.Key.Value;
            text.Append(
                CultureInfo.InvariantCulture,
                $"| {row.Key.Category} | {sets} | {string.Join(", ", row.Select(e => e.Phrase))} |\n");
        }

        return text.ToString();
    }

    /// <summary>The README with every generated part replaced by what the code gives now.</summary>
    public static string Regenerate(string readme)
    {
        readme = Replace(readme, "lexicon", LexiconTable());
        return Replace(readme, "prompts", PromptTable());
    }

    private static string Scene(ScenePlan plan)
    {
        var parts = new List<string>
        {
            $"{Lower(plan.TimeOfDay)}, {Lower(plan.Weather)}, {Lower(plan.Backdrop)}",
            $"camera: {PlanThinking.Describe(plan.Camera)}",
        };
        if (plan.Framing != Framing.Normal)
        {
            parts.Add(plan.Framing == Framing.CloseUp ? "close-up" : "wide shot");
        }

        if (plan.Tempo != Tempo.Normal)
        {
            parts.Add(plan.Tempo == Tempo.SlowMotion ? "slow motion" : "time-lapse");
        }

        if (plan.Particles != ParticleKind.None)
        {
            parts.Add($"particles {Lower(plan.Particles)}");
        }

        parts.Add(plan.Palette.Named is { } named ? $"palette {named}" : "palette from the scene");
        if (plan.Colours.Chroma < 1)
        {
            parts.Add(plan.Colours.Chroma == 0 ? "monochrome" : $"colour {plan.Colours.Chroma:0%}");
        }

        return string.Join("; ", parts);
    }

    private static string Replace(string readme, string name, string body)
    {
        var begin = $"<!-- generated: {name} -->\n";
        var end = $"<!-- end generated: {name} -->";
        var from = readme.IndexOf(begin, StringComparison.Ordinal);
        var to = readme.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"README.md has no generated part named {name}");
        }

        return string.Concat(readme.AsSpan(0, from + begin.Length), body, readme.AsSpan(to));
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
