namespace Reelgate.Server.Features.Keys;

/// <summary>
/// A key as admins see it. <see cref="Key"/> (the bearer secret) and <see cref="WebhookSecret"/> (the "whsec_"
/// secret that signs its webhooks) are present only in the answer that created them.
/// </summary>
public sealed record KeyResponse(
    string Id,
    string Object,
    string? Key,
    string Name,
    string Prefix,
    string? Owner,
    bool Admin,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    LimitsResponse Limits,
    BalanceResponse Balance,
    string? WebhookUrl,
    string? WebhookSecret)
{
    /// <summary>Worker slots this key may fill relative to other keys with queued work.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>A test key: metadata.reelgate_simulate works for its jobs even where simulation is off.</summary>
    public bool Test { get; init; }
}

/// <summary>A key's limits; null means unlimited. <see cref="UploadBytes"/> caps the bytes of its stored uploads.</summary>
public sealed record LimitsResponse(string? SpendPerDay, int? JobsInFlight, int? RequestsPerMinute, long? UploadBytes);

/// <summary>A key's credit: available excludes what is held for unfinished jobs.</summary>
public sealed record BalanceResponse(string Available, string Held, string Currency);

public sealed record KeyListResponse(string Object, IReadOnlyList<KeyResponse> Data);

/// <summary>The body of POST /v1/keys, as the OpenAPI document describes it.</summary>
public sealed record CreateKeyRequest(
    string Name,
    string? Credits = null,
    bool? Admin = null,
    string? Owner = null,
    LimitsRequest? Limits = null,
    string? WebhookUrl = null,
    int? Weight = null,
    bool? Test = null);

/// <summary>The body of PUT /v1/keys/{id}/webhook: the key's default webhook URL, or null to clear it.</summary>
public sealed record KeyWebhookRequest(string? Url);

/// <summary>A new webhook signing secret, shown once.</summary>
public sealed record WebhookSecretResponse(string KeyId, string WebhookSecret);

/// <summary>Limits to set on a key: a limit left out gets the deployment's default (new key) or stays (PATCH); null means none.</summary>
public sealed record LimitsRequest(
    string? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null, long? UploadBytes = null);

/// <summary>The body of POST /v1/keys/{id}/credits.</summary>
public sealed record AddCreditsRequest(string Amount);
