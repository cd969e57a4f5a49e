namespace Reelgate.Server.Features.Keys;

/// <summary>A key as admins see it. <see cref="Key"/> is the secret itself, present only in the answer that created it.</summary>
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
    BalanceResponse Balance);

/// <summary>A key's limits; null means unlimited.</summary>
public sealed record LimitsResponse(string? SpendPerDay, int? JobsInFlight, int? RequestsPerMinute);

/// <summary>A key's credit: available excludes what is held for unfinished jobs.</summary>
public sealed record BalanceResponse(string Available, string Held, string Currency);

public sealed record KeyListResponse(string Object, IReadOnlyList<KeyResponse> Data);

/// <summary>The body of POST /v1/keys, as the OpenAPI document describes it.</summary>
public sealed record CreateKeyRequest(string Name, string? Credits = null, bool? Admin = null, string? Owner = null, LimitsRequest? Limits = null);

/// <summary>Limits to set on a new key.</summary>
public sealed record LimitsRequest(string? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null);

/// <summary>The body of POST /v1/keys/{id}/credits.</summary>
public sealed record AddCreditsRequest(string Amount);
