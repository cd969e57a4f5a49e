using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Configuration;

/// <summary>
/// Limits that protect one deployment from any one client, section "Reelgate:Limits" (a key's own limits,
/// and the defaults new keys get, are in <see cref="KeyLimitDefaultsOptions"/>). 0 turns a limit off.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Reelgate:Limits";

    /// <summary>Requests without an API key (models, pricing, pages, signed downloads) per client address a minute, on each node.</summary>
    [LimitRange(Section, 10_000_000)]
    public int AnonymousRequestsPerMinute { get; set; } = 600;

    /// <summary>Requests whose API key is refused (unknown, revoked, malformed) per client address a minute, on each node.</summary>
    [LimitRange(Section, 10_000_000)]
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>Event streams (GET /v1/jobs/{id}/events) one key may hold open at once on each node.</summary>
    [LimitRange(Section, 100_000)]
    public int EventStreamsPerKey { get; set; } = 20;

    /// <summary>How often a quiet event stream sends a comment line, so proxies do not close it as idle.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00",
        ErrorMessage = "Reelgate:Limits:EventStreamHeartbeat must be between 50 ms and 10 minutes")]
    public TimeSpan EventStreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
