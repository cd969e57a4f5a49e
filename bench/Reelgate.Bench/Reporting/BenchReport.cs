using System.Globalization;
using System.Text;

namespace Reelgate.Bench.Reporting;

/// <summary>
/// The one Markdown report of a run: each suite adds a section and its rows of the key table (measured
/// against the target); the report opens with the machine and the key table.
/// </summary>
internal sealed class BenchReport
{
    private readonly List<string> _sections = [];
    private readonly List<TargetRow> _targets = [];
    private readonly List<(string Suite, TimeSpan Elapsed)> _timings = [];

    public IReadOnlyList<TargetRow> Targets => _targets;

    public void Section(string markdown) => _sections.Add(markdown.TrimEnd() + "\n");

    public void Target(string suite, string what, string measured, string target, bool? met, string? note = null) =>
        _targets.Add(new TargetRow(suite, what, measured, target, met, note));

    public void Timing(string suite, TimeSpan elapsed) => _timings.Add((suite, elapsed));

    public string Render(string title, MachineInfo machine, string loadAtEnd, TimeSpan total)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"# {title}\n\n");
        text.Append(machine.ToMarkdown(loadAtEnd));
        text.Append(c, $"\nTotal time of the suites: {total.TotalSeconds:0} s");
        if (_timings.Count > 0)
        {
            text.Append(" (");
            text.AppendJoin(", ", _timings.Select(t => string.Create(c, $"{t.Suite} {t.Elapsed.TotalSeconds:0} s")));
            var slowest = _timings.MaxBy(t => t.Elapsed);
            text.Append(c, $"; slowest: {slowest.Suite})");
        }

        text.Append(".\n\n## Key figures against the targets\n\n");
        text.Append("| suite | what | measured | target | met |\n|---|---|---|---|---|\n");
        foreach (var row in _targets)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "–" };
            var measured = row.Note is null ? row.Measured : $"{row.Measured} ({row.Note})";
            text.Append(c, $"| {row.Suite} | {row.What} | {measured} | {row.Target} | {met} |\n");
        }

        foreach (var section in _sections)
        {
            text.Append('\n').Append(section);
        }

        return text.ToString();
    }
}
