using System.Globalization;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Places the subjects so that none overlaps another. Figures go into lanes: the sky (birds, balloons, orbs,
/// fish out of water), the ground (walkers, vehicles, fish in the sea) and the scenery (houses, trees,
/// flowers, which stand still behind the ground lane). A lane has one row, or two when its subjects head in
/// opposite directions; every figure of a row travels at the row's one velocity and the row wraps around
/// as a whole, so the gaps laid out at the first frame hold for the whole clip. A row too full for its
/// figures shrinks them until they fit side by side.
/// </summary>
public static class SubjectLayout
{
    /// <summary>Width of a figure against its size (the shapes span about -0.62..0.66), with a margin.</summary>
    public const double WidthPerSize = 1.4;

    /// <summary>Height of a figure against its size, squash on the beat included.</summary>
    private const double HeightPerSize = 1.2;

    private const double Toward = 0.9;
    private const double Away = -0.45;

    public static List<SubjectPlan> Place(
        IReadOnlyList<SubjectPhrase> groups, Palette palette, Backdrop backdrop, Framing framing, double horizon,
        double sceneWidth, double sceneHeight, ulong seed)
    {
        var figures = new List<Figure>();
        for (var g = 0; g < groups.Count; g++)
        {
            var phrase = groups[g];
            var random = PlanRandom.Fork(seed, "subject-" + g.ToString(CultureInfo.InvariantCulture));
            var kind = phrase.Kind;
            var lane = kind switch
            {
                SubjectKind.House or SubjectKind.Tree or SubjectKind.Flower => Lane.Scenery,
                SubjectKind.Bird or SubjectKind.Balloon or SubjectKind.Orb => Lane.Sky,
                SubjectKind.Fish when backdrop != Backdrop.Sea => Lane.Sky,
                _ => Lane.Ground,
            };
            var size = kind switch
            {
                SubjectKind.House or SubjectKind.Tree => random.Range(0.34, 0.42),
                SubjectKind.Bird or SubjectKind.Flower => random.Range(0.12, 0.16),
                _ => random.Range(0.2, 0.26),
            } * (g == 0 ? 1.0 : 0.85) * phrase.Scale * framing switch
            {
                Framing.CloseUp => 1.8,
                Framing.Wide => 0.6,
                _ => 1.0,
            };
            if (phrase.Count > 1)
            {
                size *= 0.85;
            }

            var colour = phrase.Colour;
            var shift = random.Range(-10, 10);
            var hue = colour?.Hue ?? Wrap((g % 2 == 0 ? palette.PrimaryHue : palette.SecondaryHue) + shift);
            for (var i = 0; i < phrase.Count; i++)
            {
                // Drawn whether used or not, so naming a colour changes the colour and nothing else of the plan.
                var jitter = random.Range(-6, 6);
                var plan = new SubjectPlan(
                    kind, phrase.Noun, 0, 0, Math.Clamp(size * random.Range(0.92, 1.08), 0.04, 0.75), 1, 0,
                    Wrap(hue + (jitter * (colour is null ? 1 : 0))), random.Range(0, Math.Tau))
                {
                    Saturation = colour?.Saturation ?? 0.72,
                    Lightness = colour?.Lightness ?? 0.5,
                    Accent = phrase.Accent,
                    Approach = phrase.Heading switch
                    {
                        SubjectHeading.Toward => Toward,
                        SubjectHeading.Away => Away,
                        _ => 0,
                    },
                    Group = g,
                    Flies = lane == Lane.Sky,
                    ColourWord = colour?.Word,
                    HeadingNamed = phrase.Heading is not null,
                };
                figures.Add(new Figure(plan, lane, phrase.Heading));
            }
        }

        var placed = new List<SubjectPlan>();
        foreach (var lane in new[] { Lane.Scenery, Lane.Ground, Lane.Sky })
        {
            var members = figures.Where(f => f.Lane == lane).ToList();
            if (members.Count > 0)
            {
                placed.AddRange(LayOut(members, lane, horizon, sceneWidth, sceneHeight, seed));
            }
        }

        // Drawn back to front by Y; the prompt's order is kept within a depth.
        return placed.OrderBy(s => s.Group).ThenBy(s => s.X).ToList();
    }

    private static IEnumerable<SubjectPlan> LayOut(
        List<Figure> members, Lane lane, double horizon, double sceneWidth, double sceneHeight, ulong seed)
    {
        var random = PlanRandom.Fork(seed, "lane-" + lane.ToString());
        var first = members.FirstOrDefault(m => m.Heading is SubjectHeading.Left or SubjectHeading.Right)?.Heading;
        var firstSign = first == SubjectHeading.Left ? -1 : first == SubjectHeading.Right ? 1 : random.Next(2) == 0 ? -1 : 1;
        var opposite = lane != Lane.Scenery && members.Any(m => Sign(m.Heading) == -firstSign);
        var rows = opposite
            ? new[] { members.Where(m => Sign(m.Heading) != -firstSign).ToList(),
                members.Where(m => Sign(m.Heading) == -firstSign).ToList() }
            : [members];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            var sign = r == 0 ? firstSign : -firstSign;
            var speed = lane == Lane.Scenery ? 0 : random.Range(0.05, 0.09);
            var (y, maxSize) = RowPlace(lane, r, rows.Length, horizon, sceneHeight, row[0].Plan.Kind);
            foreach (var figure in row)
            {
                var kind = figure.Plan.Kind;
                var moves = kind is not (SubjectKind.House or SubjectKind.Tree or SubjectKind.Flower);
                figure.Plan = figure.Plan with
                {
                    Size = Math.Min(figure.Plan.Size, maxSize),
                    Direction = sign,
                    Speed = moves ? speed : 0,
                };
            }

            foreach (var plan in Spread(row, sceneWidth, y, lane == Lane.Sky && rows.Length == 1 ? 0.05 : 0, random))
            {
                yield return plan;
            }
        }
    }

    /// <summary>Side by side across the frame with seeded gaps; shrunk together when they would not fit.</summary>
    private static IEnumerable<SubjectPlan> Spread(List<Figure> row, double sceneWidth, double y, double jitter, PlanRandom random)
    {
        var available = sceneWidth * 0.94;
        const double minimumGap = 0.03;
        var widths = row.Select(f => f.Plan.Size * WidthPerSize * (1 + Math.Max(f.Plan.Approach, 0))).ToList();
        var needed = widths.Sum() + (minimumGap * (row.Count + 1));
        var shrink = needed > available ? (available - (minimumGap * (row.Count + 1))) / widths.Sum() : 1.0;
        widths = widths.Select(w => w * shrink).ToList();
        var free = available - widths.Sum();
        var weights = Enumerable.Range(0, row.Count + 1).Select(_ => random.Range(0.6, 1.4)).ToList();
        var total = weights.Sum();
        var x = (sceneWidth - available) / 2;
        for (var i = 0; i < row.Count; i++)
        {
            x += free * weights[i] / total;
            var plan = row[i].Plan;
            yield return plan with
            {
                X = (x + (widths[i] / 2)) / sceneWidth,
                Y = y + (row.Count > 1 ? random.Range(-jitter, jitter) : 0),
                Size = plan.Size * shrink,
            };
            x += widths[i];
        }
    }

    /// <summary>A row's height (fraction of the frame's height) and the largest size that keeps rows apart.</summary>
    private static (double Y, double MaxSize) RowPlace(Lane lane, int row, int rows, double horizon, double sceneHeight, SubjectKind kind)
    {
        var unbounded = 0.75;
        return lane switch
        {
            Lane.Scenery => (horizon + 0.05, unbounded),
            Lane.Sky when rows == 1 => (Math.Min(0.32, horizon - 0.2), unbounded),
            Lane.Sky => (row == 0 ? 0.2 : Math.Min(0.42, horizon - 0.12), 0.14 * sceneHeight / HeightPerSize * 1.4),
            Lane.Ground when rows == 1 => (kind == SubjectKind.Fish ? 0.85 : 0.86, unbounded),
            _ => (row == 0 ? 0.95 : 0.8, 0.14 * sceneHeight / HeightPerSize),
        };
    }

    private static int Sign(SubjectHeading? heading) => heading switch
    {
        SubjectHeading.Left => -1,
        SubjectHeading.Right => 1,
        _ => 0,
    };

    private static double Wrap(double hue) => ((hue % 360) + 360) % 360;

    private enum Lane
    {
        Scenery,
        Ground,
        Sky,
    }

    private sealed class Figure(SubjectPlan plan, Lane lane, SubjectHeading? heading)
    {
        public SubjectPlan Plan { get; set; } = plan;

        public Lane Lane { get; } = lane;

        public SubjectHeading? Heading { get; } = heading;
    }
}
