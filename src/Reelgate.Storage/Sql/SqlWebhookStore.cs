using Dapper;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;

namespace Reelgate.Storage.Sql;

/// <summary>The webhook outbox in SQL: claims lock rows for a while so senders on several nodes never send one delivery twice
/// at once.</summary>
public sealed class SqlWebhookStore(SqlDialect dialect) : IWebhookStore
{
    private const string Due = "status = 'pending' AND next_attempt_at <= @Now AND (locked_until IS NULL OR locked_until < @Now)";

    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(
        DateTimeOffset now, TimeSpan lockFor, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT id FROM webhook_deliveries WHERE {Due} ORDER BY next_attempt_at LIMIT @Limit {dialect.ClaimLockClause}",
            new { Now = UnixTime.Ms(now), Limit = limit }, transaction, cancellationToken: cancellationToken))).ToList();
        var claimed = new List<DueDelivery>();
        foreach (var id in ids)
        {
            var row = await connection.QuerySingleOrDefaultAsync<DueRow>(new CommandDefinition(
                "UPDATE webhook_deliveries SET locked_until = @Until WHERE id = @Id " +
                "RETURNING id AS Id, job_id AS JobId, key_id AS KeyId, event_type AS EventType, url AS Url, " +
                "attempts AS Attempts, created_at AS CreatedAt",
                new { Id = id, Until = UnixTime.Ms(now + lockFor) }, transaction, cancellationToken: cancellationToken));
            if (row is not null)
            {
                var secret = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                    "SELECT webhook_secret FROM api_keys WHERE id = @KeyId", new { row.KeyId }, transaction,
                    cancellationToken: cancellationToken));
                claimed.Add(new DueDelivery(
                    row.Id, row.JobId, row.KeyId, row.EventType, row.Url, secret, (int)row.Attempts, UnixTime.At(row.CreatedAt)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    public async Task RecordAttemptAsync(
        string deliveryId, WebhookAttempt attempt, string status, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, error, duration_ms) " +
            "VALUES (@Id, @At, @StatusCode, @Error, @Ms)",
            new
            {
                Id = deliveryId, At = UnixTime.Ms(attempt.AttemptedAt), attempt.StatusCode, attempt.Error,
                Ms = (long)attempt.Duration.TotalMilliseconds
            },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_deliveries SET status = @Status, attempts = attempts + 1, next_attempt_at = @Next, locked_until = NULL, " +
            "delivered_at = CASE WHEN @Status = 'delivered' THEN @At ELSE delivered_at END WHERE id = @Id",
            new { Id = deliveryId, Status = status, Next = UnixTime.Ms(nextAttemptAt), At = UnixTime.Ms(attempt.AttemptedAt) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookDeliveryRecord>> ListForJobAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var deliveries = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
            "SELECT id AS Id, job_id AS JobId, event_type AS EventType, url AS Url, status AS Status, attempts AS Attempts, " +
            "created_at AS CreatedAt, " +
            "next_attempt_at AS NextAttemptAt, delivered_at AS DeliveredAt FROM webhook_deliveries WHERE job_id = @JobId ORDER BY seq",
            new { JobId = jobId }, cancellationToken: cancellationToken))).ToList();
        var attempts = (await connection.QueryAsync<AttemptRow>(new CommandDefinition(
            "SELECT a.delivery_id AS DeliveryId, a.attempted_at AS AttemptedAt, a.status_code AS StatusCode, a.error AS Error, " +
            "a.duration_ms AS DurationMs " +
            "FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.job_id = @JobId ORDER BY a.seq",
            new { JobId = jobId }, cancellationToken: cancellationToken))).ToLookup(a => a.DeliveryId, StringComparer.Ordinal);
        return deliveries.Select(d => new WebhookDeliveryRecord(
            d.Id, d.JobId, d.EventType, d.Url, d.Status, (int)d.Attempts, UnixTime.At(d.CreatedAt),
            d.Status == WebhookDeliveryRecord.Pending ? UnixTime.At(d.NextAttemptAt) : null, UnixTime.At(d.DeliveredAt),
            attempts[d.Id].Select(a => new WebhookAttempt(
                UnixTime.At(a.AttemptedAt), (int?)a.StatusCode, a.Error, TimeSpan.FromMilliseconds(a.DurationMs))).ToList()))
            .ToList();
    }

    public async Task<bool> RedeliverAsync(string jobId, string deliveryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = @Now, locked_until = NULL " +
            "WHERE id = @Id AND job_id = @JobId",
            new { Id = deliveryId, JobId = jobId, Now = UnixTime.Ms(now) }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetSecretAsync(string keyId, string secret, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET webhook_secret = @Secret WHERE id = @Id", new { Id = keyId, Secret = secret },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> SetDefaultUrlAsync(string keyId, string? url, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET webhook_url = @Url WHERE id = @Id", new { Id = keyId, Url = url },
            cancellationToken: cancellationToken)) == 1;
    }

    private sealed class DueRow
    {
        public string Id { get; set; } = "";

        public string JobId { get; set; } = "";

        public string KeyId { get; set; } = "";

        public string EventType { get; set; } = "";

        public string Url { get; set; } = "";

        public long Attempts { get; set; }

        public long CreatedAt { get; set; }
    }

    private sealed class RecordRow
    {
        public string Id { get; set; } = "";

        public string JobId { get; set; } = "";

        public string EventType { get; set; } = "";

        public string Url { get; set; } = "";

        public string Status { get; set; } = "";

        public long Attempts { get; set; }

        public long CreatedAt { get; set; }

        public long? NextAttemptAt { get; set; }

        public long? DeliveredAt { get; set; }
    }

    private sealed class AttemptRow
    {
        public string DeliveryId { get; set; } = "";

        public long AttemptedAt { get; set; }

        public long? StatusCode { get; set; }

        public string? Error { get; set; }

        public long DurationMs { get; set; }
    }
}
