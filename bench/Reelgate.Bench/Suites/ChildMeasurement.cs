using System.Globalization;
using System.Text;
using CliWrap;

namespace Reelgate.Bench.Suites;

/// <summary>Runs this program again as a child (one measurement in a process of its own) and reads the key=value lines it prints.</summary>
internal static class ChildMeasurement
{
    public static async Task<Dictionary<string, double>> RunAsync(
        IReadOnlyList<string> arguments,
        string requiredKey,
        CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        IReadOnlyList<string> all = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [
            typeof(ChildMeasurement).Assembly.Location,
            .. arguments] : arguments;
        await Cli.Wrap(self).WithArguments(all).WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).ExecuteAsync(cancellationToken);
        var values = Parse(output.ToString());
        return values.ContainsKey(requiredKey)
            ? values : throw new InvalidOperationException($"the child printed no {requiredKey}:\n{output}");
    }

    public static Dictionary<string, double> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().Split('='))
            .Where(p => p.Length == 2 && double.TryParse(p[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
