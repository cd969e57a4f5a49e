using System.Collections.Frozen;
using System.Text;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// The documented vocabulary of the local engine (the table is README.md's too): which words of a prompt
/// set which part of the scene plan. Matching is case-insensitive on whole words, longest phrase first;
/// plurals ("cats", "foxes", "cities") match their singular.
/// </summary>
public static class Lexicon
{
    private const int LongestPhrase = 4;

    /// <summary>(category, value, phrases separated by '|').</summary>
    private static readonly (LexiconCategory Category, string Value, string Phrases)[] Table =
    [
        (LexiconCategory.Colour, "0", "red|crimson|scarlet|ruby"),
        (LexiconCategory.Colour, "28", "orange|amber|copper|rust"),
        (LexiconCategory.Colour, "50", "yellow|gold|golden|lemon"),
        (LexiconCategory.Colour, "95", "lime|chartreuse"),
        (LexiconCategory.Colour, "125", "green|emerald|jade"),
        (LexiconCategory.Colour, "170", "teal|turquoise|aqua"),
        (LexiconCategory.Colour, "190", "cyan"),
        (LexiconCategory.Colour, "220", "blue|azure|sapphire|navy"),
        (LexiconCategory.Colour, "250", "indigo"),
        (LexiconCategory.Colour, "275", "purple|violet|lavender"),
        (LexiconCategory.Colour, "305", "magenta|fuchsia"),
        (LexiconCategory.Colour, "335", "pink|rose"),
        (LexiconCategory.Colour, "white", "white|ivory|snow white"),
        (LexiconCategory.Colour, "black", "black|ebony|jet black"),
        (LexiconCategory.Colour, "grey", "grey|gray|silver"),
        (LexiconCategory.Colour, "brown", "brown|chocolate|tan|bronze"),

        (LexiconCategory.Size, "0.6", "tiny|miniature|minuscule"),
        (LexiconCategory.Size, "0.75", "small|little|baby"),
        (LexiconCategory.Size, "1.3", "big|large|tall"),
        (LexiconCategory.Size, "1.6", "huge|giant|enormous|massive|gigantic"),

        (LexiconCategory.Count, "1", "one|single|lone|solitary"),
        (LexiconCategory.Count, "2", "two|2|pair|couple|pair of|couple of"),
        (LexiconCategory.Count, "3", "three|3|few|a few"),
        (LexiconCategory.Count, "4", "four|4|several|group of|pack of|fleet of"),
        (LexiconCategory.Count, "5", "five|5|herd of|bunch of|cluster of"),
        (LexiconCategory.Count, "6", "six|6|crowd of"),
        (LexiconCategory.Count, "7", "seven|7|many|lots of|flock of"),
        (LexiconCategory.Count, "8", "eight|8|school of"),
        (LexiconCategory.Count, "9", "nine|9|swarm of|dozens of"),

        (LexiconCategory.TimeOfDay, nameof(TimeOfDay.Day), "day|daytime|daylight|noon|midday|morning|afternoon|sunny|sunshine"),
        (LexiconCategory.TimeOfDay, nameof(TimeOfDay.Dawn), "dawn|sunrise|daybreak"),
        (LexiconCategory.TimeOfDay, nameof(TimeOfDay.Dusk), "dusk|sunset|evening|twilight|golden hour"),
        (LexiconCategory.TimeOfDay, nameof(TimeOfDay.Night), "night|nighttime|midnight|moonlight|moonlit|dark"),

        (LexiconCategory.Weather, nameof(Weather.Clear), "clear|clear sky|cloudless"),
        (LexiconCategory.Weather, nameof(Weather.Cloudy), "cloud|cloudy|overcast"),
        (LexiconCategory.Weather, nameof(Weather.Rain), "rain|rainy|raining|drizzle|shower"),
        (LexiconCategory.Weather, nameof(Weather.Storm), "storm|stormy|thunder|thunderstorm|lightning"),
        (LexiconCategory.Weather, nameof(Weather.Snow), "snow|snowy|snowing|snowfall|blizzard|winter"),
        (LexiconCategory.Weather, nameof(Weather.Fog), "fog|foggy|mist|misty|haze|hazy"),
        (LexiconCategory.Weather, nameof(Weather.Wind), "wind|windy|breeze|gust"),

        (LexiconCategory.Particles, nameof(ParticleKind.Embers), "ember|spark|fire|flame|campfire"),
        (LexiconCategory.Particles, nameof(ParticleKind.Fireflies), "firefly|glowing|glow|magic|sparkle"),
        (LexiconCategory.Particles, nameof(ParticleKind.Petals), "petal|blossom|cherry blossom|sakura"),
        (LexiconCategory.Particles, nameof(ParticleKind.Leaves), "leaf|leaves|autumn|fall"),

        (LexiconCategory.Subject, nameof(SubjectKind.Creature),
            "cat|kitten|dog|puppy|fox|wolf|rabbit|bunny|bear|lion|tiger|deer|horse|animal|creature|monster"),
        (LexiconCategory.Subject, nameof(SubjectKind.Figure),
            "person|people|man|woman|girl|boy|child|kid|dancer|runner|hero|knight|wizard|astronaut|character"),
        (LexiconCategory.Subject, nameof(SubjectKind.Bird), "bird|eagle|owl|crow|seagull|dove|dragon|butterfly"),
        (LexiconCategory.Subject, nameof(SubjectKind.Fish), "fish|whale|dolphin|shark|koi"),
        (LexiconCategory.Subject, nameof(SubjectKind.Vehicle), "car|truck|bus|train|bike|bicycle|motorcycle|van|taxi"),
        (LexiconCategory.Subject, nameof(SubjectKind.House), "house|home|cabin|cottage|castle|tower|lighthouse|building"),
        (LexiconCategory.Subject, nameof(SubjectKind.Tree), "tree|palm|oak|pine"),
        (LexiconCategory.Subject, nameof(SubjectKind.Robot), "robot|android|mech|cyborg|machine"),
        (LexiconCategory.Subject, nameof(SubjectKind.Balloon), "balloon|hot air balloon|kite|lantern"),
        (LexiconCategory.Subject, nameof(SubjectKind.Flower), "flower|rose bush|tulip|sunflower|garden"),
        (LexiconCategory.Subject, nameof(SubjectKind.Orb), "ball|orb|planet|bubble|sphere|crystal"),

        (LexiconCategory.Backdrop, nameof(Backdrop.Hills), "hill|meadow|field|countryside|valley|grass"),
        (LexiconCategory.Backdrop, nameof(Backdrop.Mountains), "mountain|peak|alps|cliff"),
        (LexiconCategory.Backdrop, nameof(Backdrop.City), "city|town|street|skyline|downtown|neon|village"),
        (LexiconCategory.Backdrop, nameof(Backdrop.Sea), "sea|ocean|beach|lake|river|coast|shore|wave|underwater"),
        (LexiconCategory.Backdrop, nameof(Backdrop.Forest), "forest|woods|jungle|woodland"),
        (LexiconCategory.Backdrop, nameof(Backdrop.Desert), "desert|dune|sand|canyon"),
        (LexiconCategory.Backdrop, nameof(Backdrop.Space), "space|galaxy|cosmos|nebula|star|starry|outer space"),

        (LexiconCategory.Motion, nameof(MotionLevel.Still), "still|calm|peaceful|serene|quiet|tranquil|motionless|static scene"),
        (LexiconCategory.Motion, nameof(MotionLevel.Slow), "slow|slowly|gentle|gently|drifting|lazy|floating"),
        (LexiconCategory.Motion, nameof(MotionLevel.Fast),
            "fast|quick|quickly|rapid|racing|speeding|running|rushing|chase|chasing|energetic|frantic|dancing|dance"),

        (LexiconCategory.Camera, nameof(CameraMove.Static), "static camera|locked off|tripod|fixed camera|static shot"),
        (LexiconCategory.Camera, nameof(CameraMove.ZoomIn), "zoom in|zooming in|push in|pushing in|dolly in|dolly forward|dolly"),
        (LexiconCategory.Camera, nameof(CameraMove.ZoomOut), "zoom out|zooming out|pull back|pull out|dolly out|dolly back|reveal"),
        (LexiconCategory.Camera, nameof(CameraMove.PanLeft), "pan left|panning left|pans left"),
        (LexiconCategory.Camera, nameof(CameraMove.PanRight), "pan right|panning right|pans right|tracking shot|tracking"),
        (LexiconCategory.Camera, nameof(CameraMove.TiltUp), "tilt up|tilting up|tilts up|tilt"),
        (LexiconCategory.Camera, nameof(CameraMove.TiltDown), "tilt down|tilting down|tilts down"),
        (LexiconCategory.Camera, nameof(CameraMove.Orbit), "orbit|orbiting|circling|spinning|rotating|rotate around|arc shot"),
        (LexiconCategory.Camera, nameof(CameraMove.Aerial),
            "aerial|aerial view|aerial shot|drone|drone shot|birds eye|birds eye view|overhead|flyover|from above"),

        (LexiconCategory.Framing, nameof(Framing.CloseUp), "close up|closeup|extreme close up|macro|detail shot"),
        (LexiconCategory.Framing, nameof(Framing.Wide), "wide shot|wide angle|establishing shot|long shot|panorama|panoramic|wide"),

        (LexiconCategory.Tempo, nameof(Tempo.SlowMotion), "slow motion|slow mo|slowmo|slo mo"),
        (LexiconCategory.Tempo, nameof(Tempo.TimeLapse), "time lapse|timelapse|hyperlapse"),

        (LexiconCategory.Direction, "left", "left|to the left|leftward|leftwards|from right to left"),
        (LexiconCategory.Direction, "right", "right|to the right|rightward|rightwards|from left to right"),
        (LexiconCategory.Direction, "toward",
            "towards the camera|toward the camera|at the camera|towards us|toward us|towards the viewer|toward the viewer|approaching"),
        (LexiconCategory.Direction, "away", "away|away from the camera|into the distance|receding"),

        (LexiconCategory.Place, "sky", "sky|heavens|horizon"),
        (LexiconCategory.Place, "light", "light|lighting|sun|sunlight|moon|backlight"),
        (LexiconCategory.Place, "ground", "ground|floor|road|water|land|terrain"),

        (LexiconCategory.Look, "cue", "shades of|shade of|tones of|hues of|palette of|tones|tone|tint|tinted|hues|palette|colour " +
            "scheme|color scheme|colour palette|color palette|colour grade|color grade"),
        (LexiconCategory.Look, "monochrome",
            "monochrome|monochromatic|black and white|greyscale|grayscale|desaturated|colourless|colorless"),
        (LexiconCategory.Look, "sepia", "sepia"),

        (LexiconCategory.Effect, "halo", "halo|flash|flashing|pulse|pulsing|strobe"),

        (LexiconCategory.Group, "weather", "weather|precipitation"),
        (LexiconCategory.Group, "particles", "particle|effects"),
        (LexiconCategory.Group, "animals", "animals|wildlife"),
        (LexiconCategory.Group, "camera", "camera movement|camera motion|camera shake|shaky camera|zoom|pan|zooming|panning"),
        (LexiconCategory.Group, "colour", "colour|color|colourful|colorful|saturated"),
    ];

    /// <summary>Every entry, in table order.</summary>
    public static IReadOnlyList<LexiconEntry> Entries { get; } =
        Table.SelectMany(row => row.Phrases.Split('|').Select(p => new LexiconEntry(p, row.Category, row.Value))).ToList();

    private static readonly FrozenDictionary<string, LexiconEntry> ByPhrase =
        Entries.GroupBy(e => e.Phrase, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>First words of the phrases of more than one word: only these start a longer look-up.</summary>
    private static readonly FrozenSet<string> FirstWords =
        Entries.Where(e => e.Phrase.Contains(' ', StringComparison.Ordinal)).Select(e => e.Phrase.Split(' ')[0]).ToFrozenSet(
            StringComparer.Ordinal);

    /// <summary>The phrases found in a text, in order; each word belongs to at most one phrase.</summary>
    public static IReadOnlyList<LexiconMatch> Match(string? text) => MatchWords(Words(text));

    /// <summary>The phrases found in a list of lower-case words, in order; each word belongs to at most one phrase.</summary>
    internal static IReadOnlyList<LexiconMatch> MatchWords(IReadOnlyList<string> words)
    {
        var all = words as string[] ?? [.. words];
        var matches = new List<LexiconMatch>();
        var i = 0;
        while (i < all.Length)
        {
            var found = false;
            var longest = FirstWords.Contains(all[i]) ? Math.Min(LongestPhrase, all.Length - i) : 1;
            for (var length = longest; length >= 1 && !found; length--)
            {
                var head = length == 1 ? "" : string.Join(' ', all, i, length - 1) + " ";
                foreach (var last in Singulars(all[i + length - 1]))
                {
                    if (ByPhrase.TryGetValue(head + last, out var entry))
                    {
                        matches.Add(new LexiconMatch(entry, i, length == 1 ? all[i] : string.Join(' ', all, i, length)));
                        i += length;
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                i++;
            }
        }

        return matches;
    }

    /// <summary>Lower-case words of letters and digits (apostrophes are dropped: "bird's" → "birds").</summary>
    internal static List<string> Words(string? text) => Tokenise(text).Words;

    /// <summary>
    /// The words of a text and, for each, whether a clause ends after it (a comma, semicolon, full stop, colon,
    /// exclamation or question mark): modifiers do not bind across such a break.
    /// </summary>
    internal static (List<string> Words, List<bool> Breaks) Tokenise(string? text)
    {
        var words = new List<string>();
        var breaks = new List<bool>();
        if (string.IsNullOrEmpty(text))
        {
            return (words, breaks);
        }

        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '\'' or '\u2019' && current.Length > 0)
            {
                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                breaks.Add(false);
                current.Clear();
            }

            if (c is ',' or ';' or '.' or ':' or '!' or '?' && breaks.Count > 0)
            {
                breaks[^1] = true;
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
            breaks.Add(false);
        }

        return (words, breaks);
    }

    /// <summary>The word itself, then its singular guesses: "cities" → "city", "foxes" → "fox", "cats" → "cat".</summary>
    private static IEnumerable<string> Singulars(string word)
    {
        yield return word;
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            yield return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal))
        {
            yield return word[..^2];
        }

        if (word.Length > 2 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return word[..^1];
        }
    }
}
