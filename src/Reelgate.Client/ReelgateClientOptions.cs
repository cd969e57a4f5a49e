namespace Reelgate.Client;

/// <summary>
/// Where the API is, the key, and how hard to try. <see cref="FromEnvironment()"/> fills the first two from
/// REELGATE_BASE_URL and REELGATE_API_KEY (falling back to EMPIRIOLABS_API_KEY, as the hosted service's snippets use).
/// </summary>
public sealed class ReelgateClientOptions
{
    /// <summary>The default base URL: a Reelgate server on this machine, as it starts with no settings.</summary>
    public static readonly Uri DefaultBaseAddress = new("http://127.0.0.1:8080");

    public const string BaseUrlVariable = "REELGATE_BASE_URL";
    public const string ApiKeyVariable = "REELGATE_API_KEY";
    public const string HostedApiKeyVariable = "EMPIRIOLABS_API_KEY";

    /// <summary>The API's root, without <c>/v1</c> (e.g. <c>http://127.0.0.1:8080</c>).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The bearer key; null sends no Authorization (enough for models and pricing).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Extra attempts after the first on 429, 502, 503, 504 and network faults. 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; each retry doubles it, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A Retry-After longer than this is not waited for: the error is thrown with <see
    /// cref="ReelgateException.RetryAfter"/>.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one request may take to answer (not counting a download's or an event stream's body).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Give each submit an Idempotency-Key of its own when the caller gave none, so a retried submit is never a second
    /// job.</summary>
    public bool AutoIdempotencyKeys { get; set; } = true;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Options from the environment: REELGATE_BASE_URL, then REELGATE_API_KEY, else EMPIRIOLABS_API_KEY.</summary>
    public static ReelgateClientOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>The same, reading variables through <paramref name="variable"/> (for tests and hosts with their own
    /// configuration).</summary>
    public static ReelgateClientOptions FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var options = new ReelgateClientOptions { ApiKey = ResolveApiKey(variable) };
        var baseUrl = variable(BaseUrlVariable);
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseAddress = ParseBaseAddress(baseUrl, BaseUrlVariable);
        }

        return options;
    }

    /// <summary>REELGATE_API_KEY when set, else EMPIRIOLABS_API_KEY, else null.</summary>
    public static string? ResolveApiKey(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var key = variable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            key = variable(HostedApiKeyVariable);
        }

        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    /// <summary>An absolute http(s) URL, or an <see cref="ArgumentException"/> naming where it came from.</summary>
    public static Uri ParseBaseAddress(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{source} must be an absolute http or https URL, not '{text}'", nameof(text));
        }

        return uri;
    }
}
