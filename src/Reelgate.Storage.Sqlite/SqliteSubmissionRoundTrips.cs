using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// A batch of submissions on SQLite: no round trips to save, so the work saved is parsing and mapping. Each kind
/// of statement is prepared once for the batch and run with new values for each key, idempotency key or row
/// (<see cref="SqliteStatement"/>); a key's balance is read once and written once however many of its
/// submissions the batch holds. The write transaction (BEGIN IMMEDIATE) already excludes every other writer.
/// </summary>
internal sealed class SqliteSubmissionRoundTrips : SubmissionRoundTrips
{
    public override async Task<SubmissionFacts> ReadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JobSubmission> batch, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var write = (SqliteTransaction)transaction;
        var facts = new SubmissionFacts();
        await using (var balance = new SqliteStatement(
                         sqlite, write, "SELECT available_micros, revoked_at IS NULL FROM api_keys WHERE id = $key", "$key"))
        {
            foreach (var keyId in batch.Select(s => s.Job.KeyId).Distinct(StringComparer.Ordinal))
            {
                await using var reader = await balance.Bind(keyId).ReadAsync(cancellationToken);
                facts.Available[keyId] = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(1) ? reader.GetInt64(0) : null;
            }
        }

        var limited = batch.Where(s => s.Limits.JobsInFlight is not null).Select(s => s.Job.KeyId).Distinct(StringComparer.Ordinal);
        await using (var inFlight = new SqliteStatement(
                         sqlite, write, "SELECT COUNT(*) FROM jobs WHERE key_id = $key AND status IN ('queued', 'processing')", "$key"))
        {
            foreach (var keyId in limited)
            {
                facts.InFlight[keyId] = await ScalarAsync(inFlight.Bind(keyId), cancellationToken);
            }
        }

        var spendDays = batch.Where(s => s.Limits.SpendPerDay is not null)
            .Select(s => (s.Job.KeyId, UnixTime.Ms(s.SpendDayStart))).Distinct();
        await using (var spent = new SqliteStatement(
                         sqlite, write,
                         "SELECT COALESCE(SUM(price_micros), 0) FROM jobs " +
                         "WHERE key_id = $key AND created_at >= $since AND cost_state IN ('held', 'charged')",
                         "$key", "$since"))
        {
            foreach (var (keyId, since) in spendDays)
            {
                facts.Spent[(keyId, since)] = await ScalarAsync(spent.Bind(keyId, since), cancellationToken);
            }
        }

        await ReadEarlierAsync(sqlite, write, batch, facts, cancellationToken);
        return facts;
    }

    private static async Task ReadEarlierAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<JobSubmission> batch, SubmissionFacts facts,
        CancellationToken cancellationToken)
    {
        var named = batch.Where(s => s.IdempotencyKey is not null).Select(s => (s.Job.KeyId, s.IdempotencyKey!)).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        await using var lookUp = new SqliteStatement(
            connection, transaction,
            "SELECT request_hash, job_id, created_at FROM idempotency_keys WHERE key_id = $key AND idempotency_key = $idempotency",
            "$key", "$idempotency");
        await using var jobOf = new SqliteStatement(connection, transaction, $"SELECT {JobRow.Columns} FROM jobs WHERE id = $id", "$id");
        foreach (var (keyId, idempotencyKey) in named)
        {
            string requestHash, jobId;
            long createdAt;
            await using (var reader = await lookUp.Bind(keyId, idempotencyKey).ReadAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    continue;
                }

                (requestHash, jobId, createdAt) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
            }

            Job? job = null;
            await using (var reader = await jobOf.Bind(jobId).ReadAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    job = reader.GetRowParser<JobRow>()(reader).ToJob();
                }
            }

            facts.Earlier[(keyId, idempotencyKey)] = new EarlierSubmission(jobId, requestHash, createdAt, job);
        }
    }

    public override async Task WriteAsync(
        DbConnection connection, DbTransaction transaction, SubmissionPlan plan, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var write = (SqliteTransaction)transaction;
        if (plan.Purges.Count > 0)
        {
            await using var purge = new SqliteStatement(
                sqlite, write,
                "DELETE FROM idempotency_keys WHERE key_id = $key AND idempotency_key = $idempotency AND created_at < $cutoff",
                "$key", "$idempotency", "$cutoff");
            foreach (var p in plan.Purges)
            {
                await purge.Bind(p.KeyId, p.IdempotencyKey, p.Cutoff).ExecuteAsync(cancellationToken);
            }
        }

        if (plan.NewJobs.Count == 0)
        {
            return;
        }

        await using (var hold = new SqliteStatement(
                         sqlite, write,
                         "UPDATE api_keys SET available_micros = available_micros - $held, held_micros = held_micros + $held " +
                         "WHERE id = $key",
                         "$key", "$held"))
        {
            foreach (var (keyId, held) in plan.HeldByKey)
            {
                await hold.Bind(keyId, held).ExecuteAsync(cancellationToken);
            }
        }

        await InsertJobsAsync(sqlite, write, plan, cancellationToken);
        await using (var ledger = new SqliteStatement(
                         sqlite, write,
                         "INSERT INTO ledger (id, key_id, created_at, kind, amount_micros, job_id, available_after_micros) " +
                         "VALUES ($id, $key, $created, $kind, $amount, $job, $after)",
                         "$id", "$key", "$created", "$kind", "$amount", "$job", "$after"))
        {
            var kind = LedgerKindNames.ToWire(LedgerKind.Hold);
            foreach (var h in plan.Holds)
            {
                await ledger.Bind(h.LedgerId, h.KeyId, h.CreatedAt, kind, -h.Price, h.JobId, h.AvailableAfter)
                    .ExecuteAsync(cancellationToken);
            }
        }

        if (plan.NewIdempotencyKeys.Count > 0)
        {
            await using var remember = new SqliteStatement(
                sqlite, write,
                "INSERT INTO idempotency_keys (key_id, idempotency_key, request_hash, job_id, created_at) " +
                "VALUES ($key, $idempotency, $hash, $job, $created)",
                "$key", "$idempotency", "$hash", "$job", "$created");
            foreach (var k in plan.NewIdempotencyKeys)
            {
                await remember.Bind(k.KeyId, k.IdempotencyKey, k.RequestHash, k.JobId, k.CreatedAt).ExecuteAsync(cancellationToken);
            }
        }
    }

    private static async Task InsertJobsAsync(
        SqliteConnection connection, SqliteTransaction transaction, SubmissionPlan plan, CancellationToken cancellationToken)
    {
        await using var insert = new SqliteStatement(
            connection, transaction,
            NewJobRow.Insert.Replace('@', '$'),
            "$Id", "$KeyId", "$Model", "$Status", "$Progress", "$CreatedAt", "$RequestJson", "$PriceMicros", "$CostState",
            "$InputsJson", "$WebhookUrl", "$Simulate", "$RemixedFrom");
        foreach (var r in plan.NewJobs.Select(NewJobRow.From))
        {
            await insert.Bind(r.Id, r.KeyId, r.Model, r.Status, r.Progress, r.CreatedAt, r.RequestJson, r.PriceMicros, r.CostState,
                r.InputsJson, r.WebhookUrl, r.Simulate, r.RemixedFrom).ExecuteAsync(cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(SqliteStatement statement, CancellationToken cancellationToken)
    {
        await using var reader = await statement.ReadAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }
}
