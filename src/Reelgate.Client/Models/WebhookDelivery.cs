namespace Reelgate.Client.Models;

/// <summary>A webhook delivery of a job's event: where it goes, whether it arrived, and every attempt.</summary>
public sealed record WebhookDelivery(
    string Id,
    string EventType,
    string Url,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> AttemptLog);
