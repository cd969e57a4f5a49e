namespace Reelgate.Core.Webhooks;

/// <summary>A delivery claimed for sending: where, what event of which job, and the key's signing secret.</summary>
public sealed record DueDelivery(
    string Id, string JobId, string KeyId, string EventType, string Url, string? Secret, int Attempts, DateTimeOffset CreatedAt);
