using System.Data.Common;
using Dapper;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>
/// Puts a job's final-state event in the webhook outbox, inside the transaction that made the state final,
/// so an event is never lost and never sent for a state that did not commit. Jobs with no webhook URL
/// (their own or their key's default) get no row.
/// </summary>
internal static class WebhookOutbox
{
    public static Task<int> EnqueueAsync(
        DbConnection connection, DbTransaction transaction, string jobId, string eventType, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webhook_deliveries (id, job_id, key_id, event_type, url, status, attempts, created_at, next_attempt_at) " +
            "SELECT @Id, j.id, j.key_id, @EventType, COALESCE(j.webhook_url, k.webhook_url), 'pending', 0, @Now, @Now " +
            "FROM jobs j JOIN api_keys k ON k.id = j.key_id " +
            "WHERE j.id = @JobId AND COALESCE(j.webhook_url, k.webhook_url) IS NOT NULL",
            new { Id = Ids.New("msg_", now), EventType = eventType, Now = UnixTime.Ms(now), JobId = jobId },
            transaction, cancellationToken: cancellationToken));
}
