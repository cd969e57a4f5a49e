using System.Globalization;
using System.Text;
using Reelgate.Core.Validation;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// The job's result.thinking: the plan as readable text. "enabled" always writes it, "disabled" never;
/// "auto" writes it when the prompt is <see cref="AutoMinimumWords"/> words or longer, or a negative
/// prompt is given (there is something to reason about), and leaves it null for short plain prompts.
/// </summary>
public static class PlanThinking
{
    public const int AutoMinimumWords = 8;

    public static bool Runs(GenerationSpec spec) => spec.Thinking switch
    {
        "enabled" => true,
        "disabled" => false,
        _ => Lexicon.Words(spec.Prompt).Count >= AutoMinimumWords || !string.IsNullOrWhiteSpace(spec.NegativePrompt),
    };

    /// <summary>The text for the job, or null when thinking does not run.</summary>
    public static string? For(GenerationSpec spec, ScenePlan plan) => Runs(spec) ? Describe(plan, spec.Audio) : null;

    public static string Describe(ScenePlan plan, bool audio)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Scene plan (local procedural engine, seed {plan.Seed}):\n");
        text.Append("- Read from the prompt: ");
        text.Append(plan.Recognised.Count == 0 && plan.Bindings.Count == 0
            ? "no known words; the seed chose the scene"
            : string.Join(", ", plan.Recognised.Select(m => $"\"{m.Text}\" → {Name(m.Entry.Category)} {Value(m.Entry)}")));
        text.Append('\n');
        if (plan.Bindings.Count > 0)
        {
            text.Append("- Bindings: ").Append(string.Join(", ", plan.Bindings)).Append('\n');
        }

        if (plan.Excluded.Count > 0)
        {
            text.Append("- Left out (negative prompt): ").Append(string.Join(", ", plan.Excluded.Select(m => $"\"{m.Text}\""))).Append(
                '\n');
        }

        var colour = plan.Palette.Named is { } named ? $"{named} (hue {plan.Palette.PrimaryHue:0}°), asked for by the prompt"
            : $"hue {plan.Palette.PrimaryHue:0}° chosen by the seed";
        text.Append(c, $"- Palette: {colour}, accents at hue {plan.Palette.SecondaryHue:0}°{Chroma(plan.Colours.Chroma)}\n");
        var places = new[] { ("sky", plan.Colours.Sky), ("light", plan.Colours.Light), ("ground", plan.Colours.Ground),
            ("particles", plan.Colours.Particles) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2!.Word}").ToList();
        if (places.Count > 0)
        {
            text.Append("- Colours of the scene: ").Append(string.Join("; ", places)).Append('\n');
        }

        text.Append(c, $"- Light: {Lower(plan.TimeOfDay)}; weather: {Lower(plan.Weather)}; particles: {Lower(plan.Particles)}\n");
        text.Append(c, $"- Backdrop: {Lower(plan.Backdrop)}\n");
        text.Append("- Subjects: ").Append(plan.Subjects.Count == 0 ? "none" : Subjects(plan)).Append('\n');
        text.Append(c, $"- Motion: {Lower(plan.Motion)}; camera: {Describe(plan.Camera)}");
        if (plan.Framing != Framing.Normal)
        {
            text.Append(plan.Framing == Framing.CloseUp ? "; framing: close-up" : "; framing: wide");
        }

        if (plan.Tempo != Tempo.Normal)
        {
            text.Append(plan.Tempo == Tempo.SlowMotion ? "; time: slow motion" : "; time: time-lapse");
        }

        text.Append('\n');
        text.Append(c, $"- Beats: every {plan.BeatInterval} frames ({plan.BeatsPerMinute:0} bpm), {plan.Beats.Count} in all, the first " +
            $"at frame {(plan.Beats.Count > 0 ? plan.Beats[0].Frame : 0)}");
        text.Append(plan.Effects.Halo ? "\n" : ", no halo or punch-in\n");
        text.Append(c, $"- Style: {plan.Style}\n");
        text.Append(c, $"- Output: {plan.Width}x{plan.Height}, {plan.FrameCount} frames at {plan.Fps} fps, ");
        text.Append(audio ? $"soundtrack: {Lower(plan.Weather)} ambience with a pulse on every beat" : "no soundtrack");
        return text.ToString();
    }

    /// <summary>One entry per subject phrase: "3 × balloons (balloon, red, moving right)".</summary>
    public static string Subjects(ScenePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Join("; ", plan.Subjects.GroupBy(s => s.Group).OrderBy(g => g.Key).Select(g =>
        {
            var s = g.First();
            var count = g.Count() > 1 ? $"{g.Count()} × " : "";
            var colour = s.ColourWord is { } word ? $", {word}" : "";
            var place = s.Flies ? "in the air" : "on the ground";
            var motion = s.Approach > 0 ? "coming towards the camera"
                : s.Approach < 0 ? "moving away"
                : s.Speed == 0 ? "standing"
                : $"moving {(s.Direction > 0 ? "right" : "left")}";
            return $"{count}{s.Noun} ({Lower(s.Kind)}{colour}, {place}, {motion})";
        }));
    }

    private static string Chroma(double chroma) => chroma switch
    {
        0 => "; monochrome",
        < 1 => string.Create(CultureInfo.InvariantCulture, $"; colour kept at {chroma:0%}"),
        _ => "",
    };

    /// <summary>The camera move as the plan's text names it.</summary>
    public static string Describe(CameraMove camera) => camera switch
    {
        CameraMove.ZoomIn => "slow zoom in",
        CameraMove.ZoomOut => "slow zoom out",
        CameraMove.PanLeft => "pan left",
        CameraMove.PanRight => "pan right",
        CameraMove.Orbit => "gentle orbit",
        CameraMove.TiltUp => "tilt up",
        CameraMove.TiltDown => "tilt down",
        CameraMove.Aerial => "aerial (drone) glide",
        _ => "static",
    };

    private static string Value(LexiconEntry entry) => entry.Category switch
    {
        LexiconCategory.Framing => entry.Value == nameof(Framing.CloseUp) ? "close-up" : "wide",
        LexiconCategory.Tempo => entry.Value == nameof(Tempo.SlowMotion) ? "slow motion" : "time-lapse",
        _ => entry.Value.ToLowerInvariant(),
    };

    private static string Name(LexiconCategory category) => category switch
    {
        LexiconCategory.TimeOfDay => "time of day",
        LexiconCategory.Look => "palette",
        _ => Lower(category),
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
