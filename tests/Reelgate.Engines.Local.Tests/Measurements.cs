namespace Reelgate.Engines.Local.Tests;

/// <summary>
/// Measured figures of a test, as a diagnostic message; also appended to the file named by
/// REELGATE_MEASUREMENTS_FILE when set, to read the margins of the thresholds.
/// </summary>
internal static class Measurements
{
    public static void Record(string text)
    {
        var line = $"{TestContext.Current.Test?.TestDisplayName}: {text}";
        TestContext.Current.SendDiagnosticMessage(line);
        if (Environment.GetEnvironmentVariable("REELGATE_MEASUREMENTS_FILE") is { Length: > 0 } file)
        {
            lock (typeof(Measurements))
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }
}
