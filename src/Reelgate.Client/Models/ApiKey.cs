namespace Reelgate.Client.Models;

/// <summary>A key as admins see it. <see cref="Key"/> is the secret itself, present only in the answer that created it.</summary>
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
    Balance Balance);
