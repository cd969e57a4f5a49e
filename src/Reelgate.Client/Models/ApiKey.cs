namespace Reelgate.Client.Models;

/// <summary>
/// A key as admins see it. <see cref="Key"/> (the bearer secret) and <see cref="WebhookSecret"/> (the secret that
/// signs its webhooks) are present only in the answer that created them.
/// </summary>
public sealed record ApiKey(
    string Id,
    string Object,
    string? Key,
    string Name,
    string Prefix,
    string? Owner,
    bool Admin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    KeyLimits Limits,
    Balance Balance,
    string? WebhookUrl,
    string? WebhookSecret)
{
    /// <summary>Worker slots the key may fill relative to other keys with queued work.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>A test key: simulated faults (metadata.reelgate_simulate) work for its jobs.</summary>
    public bool Test { get; init; }
}
