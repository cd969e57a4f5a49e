using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Webhooks;

namespace Reelgate.Server.Workers;

/// <summary>
/// The webhook outbox, announcing like <see cref="AnnouncingJobStore"/>: a delivery made due again by hand wakes
/// this node's webhook sender at once.
/// </summary>
public sealed class AnnouncingWebhookStore(IWebhookStore inner, WebhookSignal webhooks) : IWebhookStore
{
    public Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lockFor, int limit, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(now, lockFor, limit, cancellationToken);

    public Task RecordAttemptAsync(
        string deliveryId, WebhookAttempt attempt, string status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        inner.RecordAttemptAsync(deliveryId, attempt, status, nextAttemptAt, cancellationToken);

    public Task<IReadOnlyList<WebhookDeliveryRecord>> ListForJobAsync(string jobId, CancellationToken cancellationToken) =>
        inner.ListForJobAsync(jobId, cancellationToken);

    public async Task<bool> RedeliverAsync(string jobId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await inner.RedeliverAsync(jobId, deliveryId, now, cancellationToken);
        if (due)
        {
            webhooks.Pulse();
        }

        return due;
    }

    public Task<bool> SetSecretAsync(string keyId, string secret, CancellationToken cancellationToken) =>
        inner.SetSecretAsync(keyId, secret, cancellationToken);

    public Task<bool> SetDefaultUrlAsync(string keyId, string? url, CancellationToken cancellationToken) =>
        inner.SetDefaultUrlAsync(keyId, url, cancellationToken);
}
