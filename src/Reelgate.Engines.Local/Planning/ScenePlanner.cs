using System.Collections.Frozen;
using Reelgate.Core.Validation;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Reads a request into a <see cref="ScenePlan"/>: the prompt through the <see cref="PromptReader"/> (words
/// bound to what they describe), the negative prompt read the same way as things to leave out, the seed for
/// every choice the words leave open. Each aspect draws from its own seeded stream, so leaving one thing out
/// leaves the rest of the plan as it would be without the word.
/// </summary>
public static class ScenePlanner
{
    private const int MaxGroups = 4;
    private const int MaxFigures = 12;

    /// <summary>Hues the seed picks from when no colour is named (no pure primaries, so named colours stand out).</summary>
    private static readonly double[] DefaultHues = [15, 40, 150, 200, 265, 320];

    private static readonly TimeOfDay[] DefaultTimes = [TimeOfDay.Day, TimeOfDay.Day, TimeOfDay.Dusk, TimeOfDay.Dawn];

    private static readonly SubjectKind[] DefaultSubjects =
        [SubjectKind.Creature, SubjectKind.Bird, SubjectKind.Balloon, SubjectKind.Figure, SubjectKind.Orb];

    private static readonly CameraMove[] DefaultCameras =
        [CameraMove.ZoomIn, CameraMove.PanRight, CameraMove.PanLeft, CameraMove.ZoomOut, CameraMove.Orbit];

    /// <summary>Nouns that name a whole kind in a negative prompt ("no animals", "no birds"), not one noun of it.</summary>
    private static readonly FrozenDictionary<string, SubjectKind> KindNouns = new Dictionary<string, SubjectKind>(StringComparer.Ordinal)
    {
        ["animal"] = SubjectKind.Creature,
        ["creature"] = SubjectKind.Creature,
        ["person"] = SubjectKind.Figure,
        ["people"] = SubjectKind.Figure,
        ["character"] = SubjectKind.Figure,
        ["bird"] = SubjectKind.Bird,
        ["fish"] = SubjectKind.Fish,
        ["building"] = SubjectKind.House,
        ["tree"] = SubjectKind.Tree,
        ["robot"] = SubjectKind.Robot,
        ["machine"] = SubjectKind.Robot,
        ["balloon"] = SubjectKind.Balloon,
        ["flower"] = SubjectKind.Flower,
        ["orb"] = SubjectKind.Orb,
        ["sphere"] = SubjectKind.Orb,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ScenePlan Plan(GenerationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var size = spec.Size;
        var seed = (ulong)spec.Seed;
        var reading = PromptReader.Read(spec.Prompt);
        var negative = PromptReader.Read(spec.NegativePrompt);
        var excluded = negative.Matches;
        var groups =
            excluded.Where(m => m.Entry.Category == LexiconCategory.Group).Select(m => m.Entry.Value).ToHashSet(StringComparer.Ordinal);
        bool Banned(LexiconCategory category, string value) =>
            excluded.Any(m => m.Entry.Category == category && string.Equals(m.Entry.Value, value, StringComparison.Ordinal));
        var usable = reading.Matches
            .Where(m => m.Entry.Category is not (
                LexiconCategory.Group or LexiconCategory.Colour or LexiconCategory.Size or LexiconCategory.Count
                or LexiconCategory.Direction))
            .Where(m => m.Entry is not { Category: LexiconCategory.Look, Value: "cue" })
            .Where(m => !Banned(m.Entry.Category, m.Entry.Value))
            .ToList();
        string? First(LexiconCategory category) => usable.FirstOrDefault(m => m.Entry.Category == category)?.Entry.Value;

        var bannedColours = negative.LooseColours.Concat(negative.Palette is { } p ? [p] : []).ToList();
        var palette = ChoosePalette(reading, bannedColours, groups, negative, seed);
        var time = ParseOr(First(LexiconCategory.TimeOfDay), PlanRandom.Fork(seed, "time").Pick(
            DefaultTimes.Where(t => !Banned(LexiconCategory.TimeOfDay, t.ToString())).DefaultIfEmpty(TimeOfDay.Day).ToList()));
        var weather = groups.Contains("weather") ? Weather.Clear : ParseOr(First(LexiconCategory.Weather), Weather.Clear);
        var particles = ChooseParticles(weather, First(LexiconCategory.Particles), groups);
        var backdrop =
            ParseOr(First(LexiconCategory.Backdrop), PlanRandom.Fork(seed, "backdrop").Next(2) == 0 ? Backdrop.Hills : Backdrop.Mountains);
        if (Banned(LexiconCategory.Backdrop, backdrop.ToString()))
        {
            backdrop = backdrop == Backdrop.Hills ? Backdrop.Mountains : Backdrop.Hills;
        }

        var motion = ParseOr(First(LexiconCategory.Motion), MotionLevel.Normal);
        var camera = ChooseCamera(First(LexiconCategory.Camera), reading, motion, groups, excluded, seed);
        var framing = ParseOr(First(LexiconCategory.Framing), Framing.Normal);
        var tempo = ParseOr(First(LexiconCategory.Tempo), Tempo.Normal);
        var horizon = ScenePlan.HorizonFor(camera);
        var phrases = ChooseSubjects(reading, negative, groups, bannedColours, seed);
        var subjects = SubjectLayout.Place(
            phrases, palette, backdrop, framing, horizon, size.Width / (double)Math.Min(size.Width, size.Height),
            size.Height / (double)Math.Min(size.Width, size.Height), seed);
        var interval = motion switch
        {
            MotionLevel.Still => 24,
            MotionLevel.Slow => 18,
            MotionLevel.Fast => 10,
            _ => 14,
        };
        var beats = ChooseBeats(spec.FrameCount, interval, seed);

        return new ScenePlan(
            spec.Seed, size.Width, size.Height, spec.FrameCount, spec.Style, palette, time, weather, particles, backdrop,
            subjects, motion, camera, interval, beats, usable, excluded,
            PlanRandom.Fork(seed, "details").NextUInt64(), PlanRandom.Fork(seed, "audio").NextUInt64())
        {
            Colours = ChooseColours(reading, negative, bannedColours, groups),
            Framing = framing,
            Tempo = tempo,
            Effects = new SceneEffects(
                Clouds: !excluded.Any(m => m.Entry.Category == LexiconCategory.Weather && m.Entry.Value == nameof(Weather.Cloudy)),
                Celestial: !excluded.Any(m => m.Entry.Category == LexiconCategory.Place && m.Entry.Value == "light"
                    && m.Text is "sun" or "moon"),
                Halo: !Banned(LexiconCategory.Effect, "halo")),
            Bindings = reading.Bindings,
            Fps = spec.FramesPerSecond,
        };
    }

    /// <summary>The palette: the one the prompt asks for ("in shades of red", "sepia", a colour describing nothing else), else the
    /// seed's.</summary>
    private static Palette ChoosePalette(
        PromptReading reading, List<NamedColour> banned, HashSet<string> groups, PromptReading negative, ulong seed)
    {
        var saturation = groups.Contains("colour") ? 0.12 : 0.72;
        var random = PlanRandom.Fork(seed, "palette");
        var asked = reading.Sepia && !negative.Sepia ? new NamedColour("sepia", 35, 0.35, 0.5)
            : reading.Palette ?? (reading.LooseColours.Count > 0 ? reading.LooseColours[0] : null);
        if (asked is not null && !banned.Any(b => b.Matches(asked)))
        {
            return new Palette(asked.Hue, Wrap(asked.Hue + random.Range(-18, 18)), Math.Max(saturation, 0.8), asked.Word);
        }

        var bannedHues = banned.Where(b => !b.Achromatic).Select(b => b.Hue).ToList();
        var choices = DefaultHues.Where(h => bannedHues.All(b => HueDistance(h, b) > 35)).DefaultIfEmpty(DefaultHues[0]).ToList();
        var primary = random.Pick(choices);
        var secondary = Wrap(primary + random.Pick([150.0, 180.0, 210.0]));
        if (bannedHues.Any(b => HueDistance(secondary, b) <= 35))
        {
            secondary = Wrap(primary + 30);
        }

        return new Palette(primary, secondary, saturation, null);
    }

    /// <summary>Colours bound to the sky, light, ground and particles, less those the negative prompt names; and the scene's
    /// chroma.</summary>
    private static SceneColours ChooseColours(
        PromptReading reading, PromptReading negative, List<NamedColour> banned, HashSet<string> groups)
    {
        NamedColour? Keep(NamedColour? colour, NamedColour? refused) =>
            colour is null || (refused is not null && refused.Matches(colour)) || banned.Any(b => b.Matches(colour)) ? null : colour;
        var chroma = reading.Monochrome && !negative.Monochrome ? 0.0
            : reading.Sepia && !negative.Sepia ? 0.35
            : groups.Contains("colour") ? 0.3
            : 1.0;
        return new SceneColours(
            Keep(reading.Sky, negative.Sky), Keep(reading.Light, negative.Light), Keep(reading.Ground, negative.Ground),
            Keep(reading.Particles, negative.Particles), chroma);
    }

    private static ParticleKind ChooseParticles(Weather weather, string? named, HashSet<string> groups)
    {
        if (groups.Contains("particles") || groups.Contains("weather"))
        {
            return ParticleKind.None;
        }

        if (named is not null)
        {
            return Enum.Parse<ParticleKind>(named);
        }

        return weather switch
        {
            Weather.Rain or Weather.Storm => ParticleKind.Rain,
            Weather.Snow => ParticleKind.Snow,
            _ => ParticleKind.None,
        };
    }

    private static CameraMove ChooseCamera(
        string? named, PromptReading reading, MotionLevel motion, HashSet<string> groups, IReadOnlyList<LexiconMatch> excluded, ulong seed)
    {
        if (groups.Contains("camera"))
        {
            return CameraMove.Static;
        }

        if (named is not null)
        {
            return Enum.Parse<CameraMove>(named);
        }

        // "a slow pan across the valley", "zooming": the move without its direction; the seed picks the side of a pan.
        var bare = reading.Of(LexiconCategory.Group).FirstOrDefault(
            m => m.Entry.Value == "camera" && m.Text is "pan" or "panning" or "zoom" or "zooming");
        if (bare is not null)
        {
            return bare.Text.StartsWith("zoom", StringComparison.Ordinal) ? CameraMove.ZoomIn
                : PlanRandom.Fork(seed, "camera").Next(2) == 0 ? CameraMove.PanLeft : CameraMove.PanRight;
        }

        if (motion == MotionLevel.Still)
        {
            return CameraMove.Static;
        }

        var allowed = DefaultCameras.Where(
            c => !excluded.Any(m => m.Entry.Category == LexiconCategory.Camera && m.Entry.Value == c.ToString())).ToList();
        return allowed.Count == 0 ? CameraMove.Static : PlanRandom.Fork(seed, "camera").Pick(allowed);
    }

    /// <summary>
    /// The prompt's subject phrases less those the negative prompt names (by noun, or the whole kind for a kind's
    /// noun such as "animals" or "birds"; with a colour, only subjects of that colour); at most four phrases and
    /// twelve figures. None left: the seed picks one kind the negative prompt allows.
    /// </summary>
    private static List<SubjectPhrase> ChooseSubjects(
        PromptReading reading, PromptReading negative, HashSet<string> groups, List<NamedColour> banned, ulong seed)
    {
        bool KindAllowed(SubjectKind kind) =>
            !(groups.Contains("animals") && kind is SubjectKind.Creature or SubjectKind.Bird or SubjectKind.Fish)
            && !negative.Subjects.Any(n => n.Kind == kind && n.Colour is null);
        bool Refused(SubjectPhrase subject) => negative.Subjects.Any(n =>
            (string.Equals(n.Singular, subject.Singular, StringComparison.Ordinal)
                || (KindNouns.TryGetValue(n.Singular, out var k) && k == subject.Kind))
            && (n.Colour is null || (subject.Colour is not null && n.Colour.Matches(subject.Colour))));
        var named = reading.Subjects
            .Where(s => !(groups.Contains("animals") && s.Kind is SubjectKind.Creature or SubjectKind.Bird or SubjectKind.Fish))
            .Where(s => !Refused(s))
            .Select(s => s.Colour is { } c && banned.Any(b => b.Matches(c)) ? s with { Colour = null } : s)
            .Take(MaxGroups)
            .ToList();
        if (named.Count == 0)
        {
            var fallback = DefaultSubjects.Where(KindAllowed).ToList();
            if (fallback.Count > 0)
            {
                var kind = PlanRandom.Fork(seed, "default-subject").Pick(fallback);
                var noun = kind.ToString().ToLowerInvariant();
                named.Add(new SubjectPhrase(kind, noun, noun, -1, 1, null, null, 1, null));
            }
        }

        while (named.Sum(s => s.Count) > MaxFigures)
        {
            var largest = named.MaxBy(s => s.Count)!;
            named[named.IndexOf(largest)] = largest with { Count = largest.Count - 1 };
        }

        return named;
    }

    private static List<Beat> ChooseBeats(int frameCount, int interval, ulong seed)
    {
        var random = PlanRandom.Fork(seed, "beats");
        var first = 3 + random.Next(interval);
        var beats = new List<Beat>();
        var degree = random.Next(5);
        for (var frame = first; frame < frameCount - 2; frame += interval)
        {
            var strong = beats.Count % 4 == 0;
            beats.Add(new Beat(frame, degree, strong));
            degree = Math.Clamp(degree + random.Pick([-2, -1, 1, 2, 3]), 0, 7);
        }

        return beats;
    }

    private static T ParseOr<T>(string? value, T fallback)
        where T : struct, Enum => value is null ? fallback : Enum.Parse<T>(value);

    private static double Wrap(double hue) => ((hue % 360) + 360) % 360;

    internal static double HueDistance(double a, double b)
    {
        var d = Math.Abs(Wrap(a) - Wrap(b));
        return Math.Min(d, 360 - d);
    }
}
