namespace Reelgate.Core.Webhooks;

/// <summary>One try at sending a delivery: when, what the receiver answered (or why nothing came back), how long it took.</summary>
public sealed record WebhookAttempt(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, TimeSpan Duration)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
