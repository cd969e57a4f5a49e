namespace Reelgate.Core.Keys;

/// <summary>A bearer key as stored: never the key itself, only its hash and a recognisable prefix.</summary>
public sealed record ApiKey(
    string Id,
    string Name,
    string Prefix,
    string? Owner,
    bool IsAdmin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    KeyLimits Limits)
{
    public bool IsActive => RevokedAt is null;

    /// <summary>Where this key's jobs send webhook events when a request names no webhook_url.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Worker slots this key may fill relative to other keys when several queue work (1 unless an admin set more).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>
    /// A test key: its jobs may ask for simulated faults (metadata.reelgate_simulate) even where the operator left simulation off.
    /// </summary>
    public bool IsTest { get; init; }
}
