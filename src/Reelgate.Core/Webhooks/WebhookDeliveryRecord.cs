namespace Reelgate.Core.Webhooks;

/// <summary>A delivery with every attempt so far, as GET /v1/jobs/{id}/deliveries shows it.</summary>
public sealed record WebhookDeliveryRecord(
    string Id,
    string JobId,
    string EventType,
    string Url,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> AttemptLog)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
