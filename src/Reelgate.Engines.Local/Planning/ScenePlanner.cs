using System.Globalization;
using Reelgate.Core.Validation;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Reads a request into a <see cref="ScenePlan"/>: the prompt through the <see cref="Lexicon"/>, the negative
/// prompt as things to leave out, the seed for every choice the words leave open.
/// </summary>
public static class ScenePlanner
{
    private const int MaxSubjects = 3;

    /// <summary>Hues the seed picks from when no colour is named (no pure primaries, so named colours stand out).</summary>
    private static readonly double[] DefaultHues = [15, 40, 150, 200, 265, 320];

    private static readonly TimeOfDay[] DefaultTimes = [TimeOfDay.Day, TimeOfDay.Day, TimeOfDay.Dusk, TimeOfDay.Dawn];

    private static readonly SubjectKind[] DefaultSubjects =
        [SubjectKind.Creature, SubjectKind.Bird, SubjectKind.Balloon, SubjectKind.Figure, SubjectKind.Orb];

    private static readonly CameraMove[] DefaultCameras =
        [CameraMove.ZoomIn, CameraMove.PanRight, CameraMove.PanLeft, CameraMove.ZoomOut, CameraMove.Orbit];

    public static ScenePlan Plan(GenerationSpec spec)
    {
        var size = spec.Size;
        var seed = (ulong)spec.Seed;
        var found = Lexicon.Match(spec.Prompt);
        var excluded = Lexicon.Match(spec.NegativePrompt);
        var groups = excluded.Where(m => m.Entry.Category == LexiconCategory.Group).Select(m => m.Entry.Value).ToHashSet(StringComparer.Ordinal);
        bool Banned(LexiconCategory category, string value) =>
            excluded.Any(m => m.Entry.Category == category && string.Equals(m.Entry.Value, value, StringComparison.Ordinal));
        var usable = found.Where(m => m.Entry.Category != LexiconCategory.Group && !Banned(m.Entry.Category, m.Entry.Value)).ToList();
        string? First(LexiconCategory category) => usable.FirstOrDefault(m => m.Entry.Category == category)?.Entry.Value;

        var palette = ChoosePalette(usable, excluded, groups, seed);
        var time = ParseOr(First(LexiconCategory.TimeOfDay), PlanRandom.Fork(seed, "time").Pick(DefaultTimes.Where(t => !Banned(LexiconCategory.TimeOfDay, t.ToString())).DefaultIfEmpty(TimeOfDay.Day).ToList()));
        var weather = groups.Contains("weather") ? Weather.Clear : ParseOr(First(LexiconCategory.Weather), Weather.Clear);
        var particles = ChooseParticles(weather, First(LexiconCategory.Particles), groups);
        var backdrop = ParseOr(First(LexiconCategory.Backdrop), PlanRandom.Fork(seed, "backdrop").Next(2) == 0 ? Backdrop.Hills : Backdrop.Mountains);
        if (Banned(LexiconCategory.Backdrop, backdrop.ToString()))
        {
            backdrop = backdrop == Backdrop.Hills ? Backdrop.Mountains : Backdrop.Hills;
        }

        var motion = ParseOr(First(LexiconCategory.Motion), MotionLevel.Normal);
        var camera = ChooseCamera(First(LexiconCategory.Camera), motion, groups, excluded, seed);
        var subjects = ChooseSubjects(usable, excluded, groups, palette, backdrop, seed);
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
            Fps = spec.FramesPerSecond,
        };
    }

    private static Palette ChoosePalette(List<LexiconMatch> usable, IReadOnlyList<LexiconMatch> excluded, HashSet<string> groups, ulong seed)
    {
        var bannedHues = excluded.Where(m => m.Entry.Category == LexiconCategory.Colour).Select(m => Hue(m.Entry.Value)).ToList();
        var saturation = groups.Contains("colour") ? 0.12 : 0.72;
        var named = usable.FirstOrDefault(m => m.Entry.Category == LexiconCategory.Colour);
        var random = PlanRandom.Fork(seed, "palette");
        if (named is not null)
        {
            var hue = Hue(named.Entry.Value);
            return new Palette(hue, Wrap(hue + random.Range(-18, 18)), Math.Max(saturation, 0.8), named.Text);
        }

        var choices = DefaultHues.Where(h => bannedHues.All(b => HueDistance(h, b) > 35)).DefaultIfEmpty(DefaultHues[0]).ToList();
        var primary = random.Pick(choices);
        var secondary = Wrap(primary + random.Pick([150.0, 180.0, 210.0]));
        if (bannedHues.Any(b => HueDistance(secondary, b) <= 35))
        {
            secondary = Wrap(primary + 30);
        }

        return new Palette(primary, secondary, saturation, null);
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

    private static CameraMove ChooseCamera(string? named, MotionLevel motion, HashSet<string> groups, IReadOnlyList<LexiconMatch> excluded, ulong seed)
    {
        if (groups.Contains("camera"))
        {
            return CameraMove.Static;
        }

        if (named is not null)
        {
            return Enum.Parse<CameraMove>(named);
        }

        if (motion == MotionLevel.Still)
        {
            return CameraMove.Static;
        }

        var allowed = DefaultCameras.Where(c => !excluded.Any(m => m.Entry.Category == LexiconCategory.Camera && m.Entry.Value == c.ToString())).ToList();
        return allowed.Count == 0 ? CameraMove.Static : PlanRandom.Fork(seed, "camera").Pick(allowed);
    }

    private static List<SubjectPlan> ChooseSubjects(
        List<LexiconMatch> usable, IReadOnlyList<LexiconMatch> excluded, HashSet<string> groups, Palette palette, Backdrop backdrop, ulong seed)
    {
        bool Allowed(SubjectKind kind) =>
            !(groups.Contains("animals") && kind is SubjectKind.Creature or SubjectKind.Bird or SubjectKind.Fish)
            && !excluded.Any(m => m.Entry.Category == LexiconCategory.Subject && m.Entry.Value == kind.ToString());
        var named = usable.Where(m => m.Entry.Category == LexiconCategory.Subject)
            .Select(m => (Kind: Enum.Parse<SubjectKind>(m.Entry.Value), Noun: m.Text))
            .Where(s => Allowed(s.Kind))
            .DistinctBy(s => s.Kind)
            .Take(MaxSubjects)
            .ToList();
        if (named.Count == 0)
        {
            var fallback = DefaultSubjects.Where(Allowed).ToList();
            if (fallback.Count > 0)
            {
                var kind = PlanRandom.Fork(seed, "default-subject").Pick(fallback);
                named.Add((kind, kind.ToString().ToLowerInvariant()));
            }
        }

        var subjects = new List<SubjectPlan>();
        for (var i = 0; i < named.Count; i++)
        {
            var random = PlanRandom.Fork(seed, "subject-" + i.ToString(CultureInfo.InvariantCulture));
            var kind = named[i].Kind;
            var flies = kind is SubjectKind.Bird or SubjectKind.Balloon or SubjectKind.Orb
                || (kind == SubjectKind.Fish && backdrop != Backdrop.Sea);
            var x = named.Count == 1 ? random.Range(0.4, 0.6) : ((i + 0.5) / named.Count) + random.Range(-0.06, 0.06);
            var y = flies ? random.Range(0.22, 0.42) : kind == SubjectKind.Fish ? random.Range(0.8, 0.9) : random.Range(0.8, 0.86);
            var size = kind switch
            {
                SubjectKind.House or SubjectKind.Tree => random.Range(0.34, 0.42),
                SubjectKind.Bird or SubjectKind.Flower => random.Range(0.12, 0.16),
                _ => random.Range(0.2, 0.26),
            } * (i == 0 ? 1.0 : 0.8);
            var moves = kind is not (SubjectKind.House or SubjectKind.Tree or SubjectKind.Flower);
            subjects.Add(new SubjectPlan(
                kind, named[i].Noun, x, y, size,
                random.Next(2) == 0 ? -1 : 1,
                moves ? random.Range(0.05, 0.09) : 0,
                Wrap((i % 2 == 0 ? palette.PrimaryHue : palette.SecondaryHue) + random.Range(-10, 10)),
                random.Range(0, Math.Tau)));
        }

        return subjects;
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

    private static double Hue(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static double Wrap(double hue) => ((hue % 360) + 360) % 360;

    internal static double HueDistance(double a, double b)
    {
        var d = Math.Abs(Wrap(a) - Wrap(b));
        return Math.Min(d, 360 - d);
    }
}
