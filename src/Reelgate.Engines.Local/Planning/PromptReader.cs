using System.Collections.Frozen;
using System.Globalization;

namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// Reads a prompt by its structure rather than as a bag of words. Colours, sizes and counts gather in front
/// of a noun and bind to it: "three small red balloons" describes the balloons, "a red sky" the sky,
/// "golden light" the light. A colour with no noun after it binds back to the noun just before it ("a woman
/// in red", "the sky is pink"); one that describes nothing colours the whole scene. "in shades of red",
/// "red tones" and "monochrome" ask for a palette. A direction ("running left", "towards the camera")
/// belongs to the subject before it. Modifiers do not bind across a clause break (a comma, a full stop) or
/// a preposition, nor across more than two unknown words. The same reading serves the negative prompt.
/// </summary>
public static class PromptReader
{
    private const int MaxGap = 2;
    private const int BackwardReach = 3;

    /// <summary>Words that end a run of modifiers: what follows them is not what the modifiers describe.</summary>
    private static readonly FrozenSet<string> Breakers = new[]
    {
        "in", "on", "at", "through", "over", "under", "with", "by", "near", "across", "into", "from", "of", "is",
        "are", "was", "were", "that", "which", "who", "while", "as", "and", "or", "behind", "beside", "above",
        "below", "past", "around", "along", "to", "for", "then", "but",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PluralWords = new[] { "people" }.ToFrozenSet(StringComparer.Ordinal);

    public static PromptReading Read(string? text)
    {
        var (words, breaks) = Lexicon.Tokenise(text);
        var state = new ReaderState(words, breaks);
        foreach (var match in Lexicon.MatchWords(words))
        {
            state.Take(match);
        }

        return state.Finish();
    }

    /// <summary>True when a plural was written ("cats", "people"): several of them, unless a count says otherwise.</summary>
    internal static bool IsPlural(LexiconMatch noun) =>
        PluralWords.Contains(noun.Text)
            || (!string.Equals(noun.Text, noun.Entry.Phrase, StringComparison.Ordinal) && noun.Text.EndsWith('s'));

    /// <summary>The words between a modifier run (ending at <paramref name="from"/>) and the next phrase: may the run reach it?</summary>
    internal static bool Joins(IReadOnlyList<string> words, IReadOnlyList<bool> breaks, int from, LexiconMatch next)
    {
        if (next.Position - from > MaxGap)
        {
            return false;
        }

        for (var k = from - 1; k < next.Position; k++)
        {
            if (k >= 0 && breaks[k])
            {
                return false;
            }

            if (k >= from && Breakers.Contains(words[k]))
            {
                var joinsModifiers = words[k] is "and" or "or" && k == next.Position - 1
                    && next.Entry.Category is LexiconCategory.Colour or LexiconCategory.Size;
                if (!joinsModifiers)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The walk over a prompt's phrases; one per <see cref="Read"/>.</summary>
    private sealed class ReaderState(IReadOnlyList<string> words, IReadOnlyList<bool> breaks)
    {
        private readonly List<LexiconMatch> _matches = [];
        private readonly List<LexiconMatch> _pending = [];
        private readonly List<SubjectPhrase> _subjects = [];
        private readonly List<NamedColour> _loose = [];
        private readonly List<Binding> _bindings = [];
        private readonly Dictionary<string, NamedColour> _places = new(StringComparer.Ordinal);
        private NamedColour? _palette;
        private bool _cueOpen;
        private bool _monochrome;
        private bool _sepia;
        private LexiconMatch? _pendingHeading;

        // The last noun read (a subject's index, or a place's name) and where it ended, for backward binding.
        private int _lastSubject = -1;
        private string? _lastPlace;
        private int _lastNounEnd = -100;

        public void Take(LexiconMatch m)
        {
            _matches.Add(m);
            if (_pending.Count > 0 && !Joins(words, breaks, _pending[^1].End, m))
            {
                FlushLoose();
            }

            switch (m.Entry.Category)
            {
                case LexiconCategory.Colour when _cueOpen:
                    SetPalette(m);
                    break;
                case LexiconCategory.Colour or LexiconCategory.Size or LexiconCategory.Count:
                    _pending.Add(m);
                    break;
                case LexiconCategory.Look:
                    TakeLook(m);
                    break;
                case LexiconCategory.Subject:
                    TakeSubject(m);
                    break;
                case LexiconCategory.Place or LexiconCategory.Backdrop or LexiconCategory.Weather
                    or LexiconCategory.Particles or LexiconCategory.TimeOfDay:
                    TakePlace(m, PlaceOf(m));
                    break;
                case LexiconCategory.Direction:
                    FlushLoose();
                    TakeDirection(m);
                    break;
                default:
                    FlushLoose();
                    break;
            }
        }

        public PromptReading Finish()
        {
            FlushLoose();
            return new PromptReading(
                _matches, _subjects, _places.GetValueOrDefault("sky"), _places.GetValueOrDefault("light"),
                _places.GetValueOrDefault("ground"), _places.GetValueOrDefault("particles"), _palette, _loose,
                _monochrome, _sepia, _bindings);
        }

        private static string PlaceOf(LexiconMatch m) => m.Entry.Category switch
        {
            LexiconCategory.Place => m.Entry.Value,
            LexiconCategory.Backdrop => "ground",
            LexiconCategory.Weather => m.Entry.Value == nameof(Weather.Snow) ? "ground" : "sky",
            LexiconCategory.Particles => "particles",
            _ => "light",
        };

        private void SetPalette(LexiconMatch colour)
        {
            _palette ??= NamedColour.From(colour);
            _bindings.Add(new Binding(colour.Text, "whole scene", "palette"));
            _cueOpen = false;
        }

        private void TakeLook(LexiconMatch m)
        {
            if (m.Entry.Value == "cue")
            {
                var before = _pending.Count > 0 ? _pending[^1] : null;
                if (before is { Entry.Category: LexiconCategory.Colour } && before.End == m.Position)
                {
                    _pending.RemoveAt(_pending.Count - 1);
                    SetPalette(before);
                }
                else
                {
                    _cueOpen = true;
                }

                FlushLoose();
                return;
            }

            FlushLoose();
            _monochrome |= m.Entry.Value == "monochrome";
            _sepia |= m.Entry.Value == "sepia";
            _bindings.Add(new Binding(m.Text, "whole scene", "palette"));
        }

        private void TakeSubject(LexiconMatch m)
        {
            var colours = _pending.Where(p => p.Entry.Category == LexiconCategory.Colour).Select(NamedColour.From).ToList();
            var scale = _pending.Where(p => p.Entry.Category == LexiconCategory.Size)
                .Aggregate(1.0, (s, p) => s * double.Parse(p.Entry.Value, CultureInfo.InvariantCulture));
            var count = _pending.LastOrDefault(p => p.Entry.Category == LexiconCategory.Count) is { } c
                ? int.Parse(c.Entry.Value, CultureInfo.InvariantCulture)
                : IsPlural(m) ? 3 : 1;
            foreach (var p in _pending)
            {
                var aspect = p.Entry.Category switch
                {
                    LexiconCategory.Colour when colours.Count > 1 && p.Text != colours[0].Word => "second colour",
                    LexiconCategory.Colour => "colour",
                    LexiconCategory.Size => "size",
                    _ => "count",
                };
                _bindings.Add(new Binding(p.Text, m.Text, aspect));
            }

            _pending.Clear();
            _cueOpen = false;
            SubjectHeading? heading = null;
            if (_pendingHeading is not null)
            {
                heading = Heading(_pendingHeading);
                _bindings.Add(new Binding(_pendingHeading.Text, m.Text, "direction"));
                _pendingHeading = null;
            }

            _subjects.Add(new SubjectPhrase(
                Enum.Parse<SubjectKind>(m.Entry.Value), m.Text, m.Entry.Phrase, m.Position, count,
                colours.ElementAtOrDefault(0), colours.ElementAtOrDefault(1), scale, heading));
            _lastSubject = _subjects.Count - 1;
            _lastPlace = null;
            _lastNounEnd = m.End;
        }

        private void TakePlace(LexiconMatch m, string place)
        {
            foreach (var p in _pending.Where(p => p.Entry.Category == LexiconCategory.Colour))
            {
                if (_places.TryAdd(place, NamedColour.From(p)))
                {
                    _bindings.Add(new Binding(p.Text, place == m.Text ? place : $"{place} ({m.Text})", "colour"));
                }
            }

            _pending.Clear();
            _cueOpen = false;
            _lastSubject = -1;
            _lastPlace = place;
            _lastNounEnd = m.End;
        }

        private void TakeDirection(LexiconMatch m)
        {
            if (_lastSubject >= 0 && _subjects[_lastSubject].Heading is null)
            {
                var subject = _subjects[_lastSubject];
                _subjects[_lastSubject] = subject with { Heading = Heading(m) };
                _bindings.Add(new Binding(m.Text, subject.Noun, "direction"));
            }
            else if (_lastSubject < 0)
            {
                _pendingHeading ??= m;
            }
        }

        /// <summary>Modifiers that reached no noun: back to the noun just before them, else a colour for the whole scene.</summary>
        private void FlushLoose()
        {
            foreach (var p in _pending)
            {
                var near = p.Position - _lastNounEnd <= BackwardReach && !BreakBetween(_lastNounEnd, p.Position);
                if (near && _lastSubject >= 0)
                {
                    var subject = _subjects[_lastSubject];
                    if (p.Entry.Category == LexiconCategory.Colour && subject.Colour is null)
                    {
                        _subjects[_lastSubject] = subject with { Colour = NamedColour.From(p) };
                        _bindings.Add(new Binding(p.Text, subject.Noun, "colour"));
                    }
                    else if (p.Entry.Category == LexiconCategory.Size)
                    {
                        _subjects[_lastSubject] = subject with { Scale =
                            subject.Scale * double.Parse(p.Entry.Value, CultureInfo.InvariantCulture) };
                        _bindings.Add(new Binding(p.Text, subject.Noun, "size"));
                    }
                }
                else if (p.Entry.Category == LexiconCategory.Colour && near && _lastPlace is not null)
                {
                    if (_places.TryAdd(_lastPlace, NamedColour.From(p)))
                    {
                        _bindings.Add(new Binding(p.Text, _lastPlace, "colour"));
                    }
                }
                else if (p.Entry.Category == LexiconCategory.Colour)
                {
                    _loose.Add(NamedColour.From(p));
                    _bindings.Add(new Binding(p.Text, "whole scene", "colour, describing nothing else"));
                }
            }

            _pending.Clear();
        }

        private bool BreakBetween(int from, int to)
        {
            for (var k = Math.Max(from - 1, 0); k < to; k++)
            {
                if (breaks[k])
                {
                    return true;
                }
            }

            return false;
        }

        private static SubjectHeading Heading(LexiconMatch m) => m.Entry.Value switch
        {
            "left" => SubjectHeading.Left,
            "right" => SubjectHeading.Right,
            "toward" => SubjectHeading.Toward,
            _ => SubjectHeading.Away,
        };
    }
}
