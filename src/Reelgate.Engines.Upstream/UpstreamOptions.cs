namespace Reelgate.Engines.Upstream;

/// <summary>
/// What every provider engine is configured with, bound from "Reelgate:Upstreams:{Provider}". The key may
/// also come from the provider's environment variable (REELGATE_PIXVERSE_API_KEY, REELGATE_FAL_KEY, ...). The key is never
/// logged, returned or written into a job's error.
/// </summary>
public abstract class UpstreamOptions
{
    /// <summary>The provider's credential; the engine is registered only when it is set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The provider's API root; overridable (a proxy, or a test's fake provider).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The first wait between two status polls; it grows by half each time up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest wait between two status polls (a Retry-After from the provider may ask for more).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long after the provider accepted a job Reelgate waits for it before failing it "timed_out".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>The largest output Reelgate downloads; a larger one fails the job.</summary>
    public long MaxOutputBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How long one HTTP attempt to the provider may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one HTTP call on transient faults (5xx, 429 honouring Retry-After, connection errors).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first delay between two retries of one HTTP call (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Status polls that may fail in a row (after each call's own retries) before the job fails for this attempt.</summary>
    public int MaxPollFailures { get; set; } = 20;

    /// <summary>
    /// Whether a submission whose answer was lost (a timeout after the request was sent, a gateway timeout, an
    /// unreadable 2xx) is sent again, for a provider that documents no way to recognise a repeat. False (the
    /// default): the job fails "upstream_uncertain" and the operator is told in the log, since the provider may
    /// have accepted it and a second submission could be paid twice.
    /// </summary>
    public bool ResubmitWhenUncertain { get; set; }

    /// <summary>
    /// Reelgate model id → the provider's model name, added to (or replacing) the mapping file's defaults, so a
    /// model added to the catalog as data (say a previous Pixverse version) needs no code.
    /// </summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);
}
