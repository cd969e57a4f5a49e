using Reelgate.Core.Webhooks;

namespace Reelgate.Core.Ports;

/// <summary>
/// The durable webhook outbox. Deliveries are written by the job store in the same transaction as the
/// final state that causes them; senders on any node claim due ones for a while, send, and record each attempt.
/// </summary>
public interface IWebhookStore
{
    /// <summary>Pending deliveries whose time has come, locked for <paramref name="lockFor"/> so no other sender takes them.</summary>
    Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lockFor, int limit, CancellationToken cancellationToken);

    /// <summary>Records an attempt; the delivery becomes delivered, failed, or pending again at <paramref name="nextAttemptAt"/>.</summary>
    Task RecordAttemptAsync(
        string deliveryId, WebhookAttempt attempt, string status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookDeliveryRecord>> ListForJobAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Makes a delivery of the job due again now (a manual resend); false when there is no such delivery.</summary>
    Task<bool> RedeliverAsync(string jobId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Sets a new signing secret for the key; false when the key does not exist.</summary>
    Task<bool> SetSecretAsync(string keyId, string secret, CancellationToken cancellationToken);

    /// <summary>Sets (or clears, with null) the key's default webhook URL; false when the key does not exist.</summary>
    Task<bool> SetDefaultUrlAsync(string keyId, string? url, CancellationToken cancellationToken);
}
