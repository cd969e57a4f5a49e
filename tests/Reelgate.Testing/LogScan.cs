namespace Reelgate.Testing;

/// <summary>Searches a process's log output for secrets, naming which one leaked and the line it is on.</summary>
public static class LogScan
{
    /// <summary>The first line holding any of the secrets, as "what: line", or null when none does.</summary>
    public static string? FindLeak(IEnumerable<string> lines, params (string What, string Secret)[] secrets)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var line in lines)
        {
            foreach (var (what, secret) in secrets)
            {
                if (secret.Length > 0 && line.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    return $"{what}: {line}";
                }
            }
        }

        return null;
    }
}
