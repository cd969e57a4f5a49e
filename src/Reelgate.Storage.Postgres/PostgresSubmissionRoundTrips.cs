using System.Data.Common;
using Dapper;
using Npgsql;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Postgres;

/// <summary>
/// A batch of submissions in two round trips: one <see cref="NpgsqlBatch"/> that takes the batch's key rows
/// (FOR NO KEY UPDATE, in key order) and then reads everything the decisions need, and one that writes every table's
/// rows as a single statement over arrays (unnest) and commits. At READ COMMITTED each statement of the
/// first batch takes its snapshot after the lock is granted, so it sees every earlier submission of those keys.
/// </summary>
internal sealed class PostgresSubmissionRoundTrips : SubmissionRoundTrips
{
    private const string LockKeys =
        "SELECT id, available_micros, revoked_at IS NULL FROM api_keys WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE";

    private const string CountInFlight =
        "SELECT key_id, COUNT(*) FROM jobs WHERE key_id = ANY($1) AND status IN ('queued', 'processing') GROUP BY key_id";

    private const string SumSpent =
        "SELECT s.key_id, s.since, (SELECT COALESCE(SUM(j.price_micros), 0)::bigint FROM jobs j " +
        "WHERE j.key_id = s.key_id AND j.created_at >= s.since AND j.cost_state IN ('held', 'charged')) " +
        "FROM unnest($1::text[], $2::bigint[]) AS s(key_id, since)";

    // Each named idempotency key is looked up on its own, through the primary key: LIMIT 1 keeps the LATERAL subquery
    // from being flattened into a join. As a join, the prepared statement's generic plan, made while the table was small,
    // hashed the batch's keys and scanned the whole idempotency table (auto_explain: 3.8-4.2 ms a batch), and such a plan
    // stays until the statistics change. The earlier job comes in the same row (null when the row outlived its job): a
    // second statement for the jobs looked every key up again, 19 µs of PostgreSQL a submission (docs/benchmarks.md).
    private static readonly string EarlierSubmissions =
        $"SELECT n.named_key, n.named_idempotency_key, i.request_hash, i.earlier_job_id, i.remembered_at, {JobRow.Columns} " +
        "FROM unnest($1::text[], $2::text[]) AS n(named_key, named_idempotency_key) " +
        "CROSS JOIN LATERAL (SELECT request_hash, job_id AS earlier_job_id, created_at AS remembered_at FROM idempotency_keys " +
        "WHERE key_id = n.named_key AND idempotency_key = n.named_idempotency_key LIMIT 1) AS i " +
        "LEFT JOIN LATERAL (SELECT * FROM jobs WHERE id = i.earlier_job_id LIMIT 1) AS jobs ON true";

    /// <summary>Where the job's columns start in a row of <see cref="EarlierSubmissions"/>.</summary>
    private const int EarlierJobColumn = 5;

    private const string PurgeIdempotencyKeys =
        "DELETE FROM idempotency_keys i USING unnest($1::text[], $2::text[], $3::bigint[]) AS p(key_id, idempotency_key, cutoff) " +
        "WHERE i.key_id = p.key_id AND i.idempotency_key = p.idempotency_key AND i.created_at < p.cutoff";

    private const string HoldOnKeys =
        "UPDATE api_keys a SET available_micros = a.available_micros - h.held, held_micros = a.held_micros + h.held " +
        "FROM unnest($1::text[], $2::bigint[]) AS h(id, held) WHERE a.id = h.id";

    // The inserts take their rows from set-returning functions in the select list, which run side by side and in order
    // (a ProjectSet): in FROM, each of several arrays was first copied into a tuple store of its own, 16 KiB apiece, and
    // freeing those 24 stores (384 KiB) after every batch had the C library hand the memory back to the kernel and take
    // it again, with a TLB flush on every core each time (1.6% of the machine's samples; docs/benchmarks.md).
    // Rows are inserted, and numbered by seq, in the arrays' order: the batch's order.
    private const string InsertJobs =
        "INSERT INTO jobs (id, key_id, model, status, progress, created_at, updated_at, request_json, price_micros, " +
        "cost_state, inputs_json, attempts, version, webhook_url, simulate, remixed_from) " +
        "SELECT unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), unnest($5::bigint[]), " +
        "unnest($6::bigint[]), unnest($6::bigint[]), unnest($7::text[]), unnest($8::bigint[]), unnest($9::text[]), " +
        "unnest($10::text[]), 0, 1, unnest($11::text[]), unnest($12::bigint[]), unnest($13::text[])";

    private static readonly string InsertHolds =
        "INSERT INTO ledger (id, key_id, created_at, kind, amount_micros, job_id, available_after_micros) " +
        "SELECT unnest($1::text[]), unnest($2::text[]), unnest($3::bigint[]), " +
        $"'{LedgerKindNames.ToWire(LedgerKind.Hold)}', -unnest($4::bigint[]), unnest($5::text[]), unnest($6::bigint[])";

    private const string InsertIdempotencyKeys =
        "INSERT INTO idempotency_keys (key_id, idempotency_key, request_hash, job_id, created_at) " +
        "SELECT unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::text[]), unnest($5::bigint[])";

    public override async Task<SubmissionFacts> ReadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JobSubmission> batch, CancellationToken cancellationToken)
    {
        var keys = batch.Select(s => s.Job.KeyId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var limitedInFlight = batch.Where(s => s.Limits.JobsInFlight is not null).Select(s => s.Job.KeyId)
            .Distinct(StringComparer.Ordinal).ToArray();
        var spendDays = batch.Where(s => s.Limits.SpendPerDay is not null)
            .Select(s => (s.Job.KeyId, Since: UnixTime.Ms(s.SpendDayStart))).Distinct().ToArray();
        var named = batch.Where(s => s.IdempotencyKey is not null)
            .Select(s => (s.Job.KeyId, IdempotencyKey: s.IdempotencyKey!)).Distinct().ToArray();

        await using var reads = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        reads.BatchCommands.Add(Statement(LockKeys, keys));
        if (limitedInFlight.Length > 0)
        {
            reads.BatchCommands.Add(Statement(CountInFlight, limitedInFlight));
        }

        if (spendDays.Length > 0)
        {
            reads.BatchCommands.Add(
                Statement(SumSpent, spendDays.Select(d => d.KeyId).ToArray(), spendDays.Select(d => d.Since).ToArray()));
        }

        if (named.Length > 0)
        {
            var namedKeys = named.Select(n => n.KeyId).ToArray();
            var namedIdempotencyKeys = named.Select(n => n.IdempotencyKey).ToArray();
            reads.BatchCommands.Add(Statement(EarlierSubmissions, namedKeys, namedIdempotencyKeys));
        }

        var facts = new SubmissionFacts();
        await using var reader = await reads.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Available[reader.GetString(0)] = reader.GetBoolean(2) ? reader.GetInt64(1) : null;
        }

        if (limitedInFlight.Length > 0)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                facts.InFlight[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        if (spendDays.Length > 0)
        {
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                facts.Spent[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
            }
        }

        if (named.Length > 0)
        {
            await ReadEarlierAsync(reader, facts, cancellationToken);
        }

        return facts;
    }

    private static async Task ReadEarlierAsync(NpgsqlDataReader reader, SubmissionFacts facts, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        var parse = reader.GetRowParser<JobRow>(typeof(JobRow), EarlierJobColumn);
        while (await reader.ReadAsync(cancellationToken))
        {
            var job = reader.IsDBNull(EarlierJobColumn) ? null : parse(reader).ToJob();
            facts.Earlier[(reader.GetString(0), reader.GetString(1))] =
                new EarlierSubmission(reader.GetString(3), reader.GetString(2), reader.GetInt64(4), job);
        }
    }

    public override async Task WriteAndCommitAsync(
        DbConnection connection, DbTransaction transaction, SubmissionPlan plan, CancellationToken cancellationToken)
    {
        await using var writes = new NpgsqlBatch((NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        if (plan.Purges.Count > 0)
        {
            writes.BatchCommands.Add(Statement(PurgeIdempotencyKeys,
                plan.Purges.Select(p => p.KeyId).ToArray(),
                plan.Purges.Select(p => p.IdempotencyKey).ToArray(),
                plan.Purges.Select(p => p.Cutoff).ToArray()));
        }

        if (plan.NewJobs.Count > 0)
        {
            writes.BatchCommands.Add(Statement(HoldOnKeys, plan.HeldByKey.Keys.ToArray(), plan.HeldByKey.Values.ToArray()));
            writes.BatchCommands.Add(JobsStatement(plan.NewJobs.ConvertAll(NewJobRow.From)));
            writes.BatchCommands.Add(Statement(InsertHolds,
                plan.Holds.Select(h => h.LedgerId).ToArray(),
                plan.Holds.Select(h => h.KeyId).ToArray(),
                plan.Holds.Select(h => h.CreatedAt).ToArray(),
                plan.Holds.Select(h => h.Price).ToArray(),
                plan.Holds.Select(h => h.JobId).ToArray(),
                plan.Holds.Select(h => h.AvailableAfter).ToArray()));
        }

        if (plan.NewIdempotencyKeys.Count > 0)
        {
            var rows = plan.NewIdempotencyKeys;
            writes.BatchCommands.Add(Statement(InsertIdempotencyKeys,
                rows.Select(r => r.KeyId).ToArray(),
                rows.Select(r => r.IdempotencyKey).ToArray(),
                rows.Select(r => r.RequestHash).ToArray(),
                rows.Select(r => r.JobId).ToArray(),
                rows.Select(r => r.CreatedAt).ToArray()));
        }

        // The commit goes in the same round trip. Should a statement before it fail, PostgreSQL skips the rest of the
        // batch, COMMIT included, and disposing the transaction rolls it back; after it, the transaction is complete.
        writes.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await writes.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand JobsStatement(List<NewJobRow> rows) => Statement(InsertJobs,
        rows.Select(r => r.Id).ToArray(),
        rows.Select(r => r.KeyId).ToArray(),
        rows.Select(r => r.Model).ToArray(),
        rows.Select(r => r.Status).ToArray(),
        rows.Select(r => r.Progress).ToArray(),
        rows.Select(r => r.CreatedAt).ToArray(),
        rows.Select(r => r.RequestJson).ToArray(),
        rows.Select(r => r.PriceMicros).ToArray(),
        rows.Select(r => r.CostState).ToArray(),
        rows.Select(r => r.InputsJson).ToArray(),
        rows.Select(r => r.WebhookUrl).ToArray(),
        rows.Select(r => r.Simulate).ToArray(),
        rows.Select(r => r.RemixedFrom).ToArray());

    /// <summary>A statement with positional parameters ($1, $2 ...), one array each, in order.</summary>
    private static NpgsqlBatchCommand Statement(string sql, params Array[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
