using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Sql;

/// <summary>A row of the api_keys table as Dapper reads it.</summary>
internal sealed class KeyRow
{
    public const string Columns =
        "id AS Id, name AS Name, prefix AS Prefix, owner AS Owner, is_admin AS IsAdmin, created_at AS CreatedAt, " +
        "revoked_at AS RevokedAt, limit_spend_per_day_micros AS SpendPerDay, limit_jobs_in_flight AS JobsInFlight, " +
        "limit_requests_per_minute AS RequestsPerMinute, limit_upload_bytes AS UploadBytes, webhook_url AS WebhookUrl, " +
        "weight AS Weight, is_test AS IsTest";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    public string? Owner { get; set; }

    public long IsAdmin { get; set; }

    public long CreatedAt { get; set; }

    public long? RevokedAt { get; set; }

    public long? SpendPerDay { get; set; }

    public long? JobsInFlight { get; set; }

    public long? RequestsPerMinute { get; set; }

    public long? UploadBytes { get; set; }

    public string? WebhookUrl { get; set; }

    public long Weight { get; set; } = 1;

    public long IsTest { get; set; }

    public ApiKey ToKey() => new(
        Id,
        Name,
        Prefix,
        Owner,
        IsAdmin != 0,
        UnixTime.At(CreatedAt),
        UnixTime.At(RevokedAt),
        new KeyLimits(
            SpendPerDay is null ? null : new Money(SpendPerDay.Value),
            JobsInFlight is null ? null : (int)JobsInFlight.Value,
            RequestsPerMinute is null ? null : (int)RequestsPerMinute.Value,
            UploadBytes))
    {
        WebhookUrl = WebhookUrl,
        Weight = (int)Weight,
        IsTest = IsTest != 0,
    };
}
