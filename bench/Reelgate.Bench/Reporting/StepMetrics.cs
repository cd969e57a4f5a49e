using System.Globalization;
using System.Text.RegularExpressions;

namespace Reelgate.Bench.Reporting;

/// <summary>
/// The server's "reelgate.job.step.duration" histogram as scraped from /metrics (Prometheus text): the sum of seconds
/// and the count of each step, so that two scrapes give what the jobs between them spent in each step.
/// </summary>
internal sealed partial record StepMetrics(IReadOnlyDictionary<string, (double Seconds, double Count)> Steps)
{
    public static StepMetrics Parse(string prometheusText)
    {
        var steps = new Dictionary<string, (double Seconds, double Count)>(StringComparer.Ordinal);
        foreach (Match line in Sample().Matches(prometheusText))
        {
            var step = line.Groups["step"].Value;
            var value = double.Parse(line.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var (seconds, count) = steps.GetValueOrDefault(step);
            steps[step] = line.Groups["kind"].Value == "sum" ? (seconds + value, count) : (seconds, count + value);
        }

        return new StepMetrics(steps);
    }

    /// <summary>Milliseconds per occurrence of each step between <paramref name="before"/> and this scrape.</summary>
    public IReadOnlyDictionary<string, double> MillisecondsSince(StepMetrics before) =>
        Steps.Where(s => s.Value.Count > before.Steps.GetValueOrDefault(s.Key).Count)
            .ToDictionary(
                s => s.Key,
                s => (s.Value.Seconds - before.Steps.GetValueOrDefault(s.Key).Seconds) * 1000 /
                    (s.Value.Count - before.Steps.GetValueOrDefault(s.Key).Count),
                StringComparer.Ordinal);

    [GeneratedRegex("""^reelgate_job_step_duration_seconds_(?<kind>sum|count)\{[^}]*step="(?<step>[^"]+)"[^}]*\} (?<value>\S+)""",
        RegexOptions.Multiline)]
    private static partial Regex Sample();
}
