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
}
