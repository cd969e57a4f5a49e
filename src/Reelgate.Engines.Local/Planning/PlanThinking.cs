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
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Scene plan (local procedural engine, seed {plan.Seed}):\n");
        text.Append("- Read from the prompt: ");
        text.Append(plan.Recognised.Count == 0
            ? "no known words; the seed chose the scene"
            : string.Join(", ", plan.Recognised.Select(m => $"\"{m.Text}\" → {Name(m.Entry.Category)} {Value(m.Entry)}")));
        text.Append('\n');
        if (plan.Excluded.Count > 0)
        {
            text.Append("- Left out (negative prompt): ").Append(string.Join(", ", plan.Excluded.Select(m => $"\"{m.Text}\""))).Append('\n');
        }

        var colour = plan.Palette.Named is { } named ? $"{named} (hue {plan.Palette.PrimaryHue:0}°)" : $"hue {plan.Palette.PrimaryHue:0}° chosen by the seed";
        text.Append(c, $"- Palette: {colour}, accents at hue {plan.Palette.SecondaryHue:0}°\n");
        text.Append(c, $"- Light: {Lower(plan.TimeOfDay)}; weather: {Lower(plan.Weather)}; particles: {Lower(plan.Particles)}\n");
        text.Append(c, $"- Backdrop: {Lower(plan.Backdrop)}\n");
        text.Append("- Subjects: ").Append(plan.Subjects.Count == 0
            ? "none"
            : string.Join("; ", plan.Subjects.Select(s => s.Speed == 0
                ? $"{s.Noun} ({Lower(s.Kind)}, standing)"
                : $"{s.Noun} ({Lower(s.Kind)}, moving {(s.Direction > 0 ? "right" : "left")})"))).Append('\n');
        text.Append(c, $"- Motion: {Lower(plan.Motion)}; camera: {Describe(plan.Camera)}\n");
        text.Append(c, $"- Beats: every {plan.BeatInterval} frames ({plan.BeatsPerMinute:0} bpm), {plan.Beats.Count} in all, the first at frame {(plan.Beats.Count > 0 ? plan.Beats[0].Frame : 0)}\n");
        text.Append(c, $"- Style: {plan.Style}\n");
        text.Append(c, $"- Output: {plan.Width}x{plan.Height}, {plan.FrameCount} frames at {plan.Fps} fps, ");
        text.Append(audio ? $"soundtrack: {Lower(plan.Weather)} ambience with a pulse on every beat" : "no soundtrack");
        return text.ToString();
    }

    private static string Describe(CameraMove camera) => camera switch
    {
        CameraMove.ZoomIn => "slow zoom in",
        CameraMove.ZoomOut => "slow zoom out",
        CameraMove.PanLeft => "pan left",
        CameraMove.PanRight => "pan right",
        CameraMove.Orbit => "gentle orbit",
        _ => "static",
    };

    private static string Value(LexiconEntry entry) =>
        entry.Category == LexiconCategory.Colour ? $"{entry.Value}°" : entry.Value.ToLowerInvariant();

    private static string Name(LexiconCategory category) => category switch
    {
        LexiconCategory.TimeOfDay => "time of day",
        _ => Lower(category),
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
