namespace Reelgate.Client.Models;

/// <summary>One delivery attempt: when, the receiver's status (null when nothing answered), the error, how long it took.</summary>
public sealed record WebhookAttempt(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, long DurationMs);
