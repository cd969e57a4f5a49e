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
    private const int LongestPhrase = 3;

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

        (LexiconCategory.Subject, nameof(SubjectKind.Creature), "cat|kitten|dog|puppy|fox|wolf|rabbit|bunny|bear|lion|tiger|deer|horse|animal|creature|monster"),
        (LexiconCategory.Subject, nameof(SubjectKind.Figure), "person|people|man|woman|girl|boy|child|kid|dancer|runner|hero|knight|wizard|astronaut|character"),
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
        (LexiconCategory.Motion, nameof(MotionLevel.Fast), "fast|quick|quickly|rapid|racing|speeding|running|rushing|chase|chasing|energetic|frantic|dancing|dance"),

        (LexiconCategory.Camera, nameof(CameraMove.Static), "static camera|locked off|tripod|fixed camera|static shot"),
        (LexiconCategory.Camera, nameof(CameraMove.ZoomIn), "zoom in|zooming in|push in|dolly in|close up|closeup"),
        (LexiconCategory.Camera, nameof(CameraMove.ZoomOut), "zoom out|zooming out|pull back|pull out|dolly out|reveal"),
        (LexiconCategory.Camera, nameof(CameraMove.PanLeft), "pan left|panning left"),
        (LexiconCategory.Camera, nameof(CameraMove.PanRight), "pan right|panning right|tracking shot|tracking"),
        (LexiconCategory.Camera, nameof(CameraMove.Orbit), "orbit|orbiting|circling|spinning|rotating|rotate around"),

        (LexiconCategory.Group, "weather", "weather|precipitation"),
        (LexiconCategory.Group, "particles", "particle|effects"),
        (LexiconCategory.Group, "animals", "animals|wildlife"),
        (LexiconCategory.Group, "camera", "camera movement|camera motion|camera shake|shaky camera|zoom|pan"),
        (LexiconCategory.Group, "colour", "colour|color|colourful|colorful|saturated"),
    ];

    /// <summary>Every entry, in table order.</summary>
    public static IReadOnlyList<LexiconEntry> Entries { get; } =
        Table.SelectMany(row => row.Phrases.Split('|').Select(p => new LexiconEntry(p, row.Category, row.Value))).ToList();

    private static readonly FrozenDictionary<string, LexiconEntry> ByPhrase =
        Entries.GroupBy(e => e.Phrase, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The phrases found in a text, in order; each word belongs to at most one phrase.</summary>
    public static IReadOnlyList<LexiconMatch> Match(string? text)
    {
        var words = Words(text);
        var matches = new List<LexiconMatch>();
        var i = 0;
        while (i < words.Count)
        {
            var found = false;
            for (var length = Math.Min(LongestPhrase, words.Count - i); length >= 1 && !found; length--)
            {
                var head = string.Join(' ', words.Skip(i).Take(length - 1));
                foreach (var last in Singulars(words[i + length - 1]))
                {
                    var phrase = length == 1 ? last : $"{head} {last}";
                    if (ByPhrase.TryGetValue(phrase, out var entry))
                    {
                        matches.Add(new LexiconMatch(entry, i, string.Join(' ', words.Skip(i).Take(length))));
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

    /// <summary>Lower-case words of letters and digits.</summary>
    internal static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
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
