namespace Reelgate.Server.Webhooks;

/// <summary>A webhook delivery: the event, where it goes, whether it arrived, and every attempt.</summary>
public sealed record DeliveryResponse(
    string Id,
    string EventType,
    string Url,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<AttemptResponse> AttemptLog);

/// <summary>One attempt: when, the receiver's status code (null when nothing answered), the error, how long it took.</summary>
public sealed record AttemptResponse(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, long DurationMs);

public sealed record DeliveryListResponse(string Object, IReadOnlyList<DeliveryResponse> Data);
