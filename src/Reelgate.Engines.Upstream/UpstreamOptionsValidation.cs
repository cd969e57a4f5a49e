namespace Reelgate.Engines.Upstream;

/// <summary>Checks the settings every provider shares, naming the configuration key of each mistake.</summary>
internal static class UpstreamOptionsValidation
{
    public static List<string> Check(UpstreamOptions options, string section)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{section}:BaseUrl must be an absolute http(s) URL");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.PollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:PollInterval must be between 00:00:00.001 and 00:10:00");
        }

        if (options.MaxPollInterval < options.PollInterval || options.MaxPollInterval > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:MaxPollInterval must be at least PollInterval and at most 00:10:00");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromDays(2))
        {
            failures.Add($"{section}:Timeout must be between 00:00:00.001 and 2.00:00:00");
        }

        if (options.MaxOutputBytes <= 0)
        {
            failures.Add($"{section}:MaxOutputBytes must be a positive number of bytes");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(10) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:RequestTimeout must be between 00:00:00.010 and 00:10:00");
        }

        if (options.Retries is < 0 or > 10)
        {
            failures.Add($"{section}:Retries must be from 0 to 10");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{section}:RetryDelay must be between 00:00:00 and 00:01:00");
        }

        if (options.MaxPollFailures is < 1 or > 1000)
        {
            failures.Add($"{section}:MaxPollFailures must be from 1 to 1000");
        }

        return failures;
    }
}
