using System.Data.Common;
using Microsoft.Data.Sqlite;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// A batch of submissions on SQLite: no round trips to save, so the work saved is parsing and mapping. Each kind
/// of statement is prepared once per database handle and run with new values for each key, idempotency key or row
/// (<see cref="SqliteStatement"/>); a key's balance is read once and written once however many of its
/// submissions the batch holds. The write transaction (BEGIN IMMEDIATE) already excludes every other writer.
/// </summary>
internal sealed class SqliteSubmissionRoundTrips : SubmissionRoundTrips
{
    private static readonly string InsertJob = NewJobRow.Insert.Replace('@', '$');

    public override async Task<SubmissionFacts> ReadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JobSubmission> batch, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        var facts = new SubmissionFacts();
        var balance = SqliteStatement.On(sqlite, "SELECT available_micros, revoked_at IS NULL FROM api_keys WHERE id = $key", "$key");
        foreach (var keyId in batch.Select(s => s.Job.KeyId).Distinct(StringComparer.Ordinal))
        {
            using var row = balance.Bind(keyId).Query();
            facts.Available[keyId] = row.Next() && row.Int64(1) != 0 ? row.Int64(0) : null;
        }

        var limited = batch.Where(s => s.Limits.JobsInFlight is not null).Select(s => s.Job.KeyId).Distinct(StringComparer.Ordinal);
        var inFlight = SqliteStatement.On(
            sqlite, "SELECT COUNT(*) FROM jobs WHERE key_id = $key AND status IN ('queued', 'processing')", "$key");
        foreach (var keyId in limited)
        {
            facts.InFlight[keyId] = inFlight.Bind(keyId).Scalar();
        }

        var spendDays = batch.Where(s => s.Limits.SpendPerDay is not null)
            .Select(s => (s.Job.KeyId, UnixTime.Ms(s.SpendDayStart))).Distinct();
        var spent = SqliteStatement.On(
            sqlite,
            "SELECT COALESCE(SUM(price_micros), 0) FROM jobs " +
            "WHERE key_id = $key AND created_at >= $since AND cost_state IN ('held', 'charged')",
            "$key", "$since");
        foreach (var (keyId, since) in spendDays)
        {
            facts.Spent[(keyId, since)] = spent.Bind(keyId, since).Scalar();
        }

        await ReadEarlierAsync(sqlite, transaction, batch, facts, cancellationToken);
        return facts;
    }

    private static async Task ReadEarlierAsync(
        SqliteConnection connection, DbTransaction transaction, IReadOnlyList<JobSubmission> batch, SubmissionFacts facts,
        CancellationToken cancellationToken)
    {
        var named = batch.Where(s => s.IdempotencyKey is not null).Select(s => (s.Job.KeyId, s.IdempotencyKey!)).Distinct().ToList();
        if (named.Count == 0)
        {
            return;
        }

        var lookUp = SqliteStatement.On(
            connection,
            "SELECT request_hash, job_id, created_at FROM idempotency_keys WHERE key_id = $key AND idempotency_key = $idempotency",
            "$key", "$idempotency");
        foreach (var (keyId, idempotencyKey) in named)
        {
            string requestHash, jobId;
            long createdAt;
            using (var row = lookUp.Bind(keyId, idempotencyKey).Query())
            {
                if (!row.Next())
                {
                    continue;
                }

                (requestHash, jobId, createdAt) = (row.String(0), row.String(1), row.Int64(2));
            }

            // A replay (rare): the earlier job is read as every other read of a job is.
            var job = await SqlJobStore.GetAsync(connection, transaction, jobId, cancellationToken);
            facts.Earlier[(keyId, idempotencyKey)] = new EarlierSubmission(jobId, requestHash, createdAt, job);
        }
    }

    public override async Task WriteAndCommitAsync(
        DbConnection connection, DbTransaction transaction, SubmissionPlan plan, CancellationToken cancellationToken)
    {
        Write((SqliteConnection)connection, plan);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Write(SqliteConnection sqlite, SubmissionPlan plan)
    {
        var purge = SqliteStatement.On(
            sqlite, "DELETE FROM idempotency_keys WHERE key_id = $key AND idempotency_key = $idempotency AND created_at < $cutoff",
            "$key", "$idempotency", "$cutoff");
        foreach (var p in plan.Purges)
        {
            purge.Bind(p.KeyId, p.IdempotencyKey, p.Cutoff).Execute();
        }

        if (plan.NewJobs.Count == 0)
        {
            return;
        }

        var hold = SqliteStatement.On(
            sqlite, "UPDATE api_keys SET available_micros = available_micros - $held, held_micros = held_micros + $held WHERE id = $key",
            "$key", "$held");
        foreach (var (keyId, held) in plan.HeldByKey)
        {
            hold.Bind(keyId, held).Execute();
        }

        var insert = SqliteStatement.On(
            sqlite, InsertJob,
            "$Id", "$KeyId", "$Model", "$Status", "$Progress", "$CreatedAt", "$RequestJson", "$PriceMicros", "$CostState",
            "$InputsJson", "$WebhookUrl", "$Simulate", "$RemixedFrom");
        foreach (var r in plan.NewJobs.Select(NewJobRow.From))
        {
            insert.Bind(r.Id, r.KeyId, r.Model, r.Status, r.Progress, r.CreatedAt, r.RequestJson, r.PriceMicros, r.CostState,
                r.InputsJson, r.WebhookUrl, r.Simulate, r.RemixedFrom).Execute();
        }

        var ledger = SqliteStatement.On(
            sqlite,
            "INSERT INTO ledger (id, key_id, created_at, kind, amount_micros, job_id, available_after_micros) " +
            "VALUES ($id, $key, $created, $kind, $amount, $job, $after)",
            "$id", "$key", "$created", "$kind", "$amount", "$job", "$after");
        var kind = LedgerKindNames.ToWire(LedgerKind.Hold);
        foreach (var h in plan.Holds)
        {
            ledger.Bind(h.LedgerId, h.KeyId, h.CreatedAt, kind, -h.Price, h.JobId, h.AvailableAfter).Execute();
        }

        var remember = SqliteStatement.On(
            sqlite,
            "INSERT INTO idempotency_keys (key_id, idempotency_key, request_hash, job_id, created_at) " +
            "VALUES ($key, $idempotency, $hash, $job, $created)",
            "$key", "$idempotency", "$hash", "$job", "$created");
        foreach (var k in plan.NewIdempotencyKeys)
        {
            remember.Bind(k.KeyId, k.IdempotencyKey, k.RequestHash, k.JobId, k.CreatedAt).Execute();
        }
    }
}
