using System.Data.Common;
using Dapper;
using Reelgate.Core;
using Reelgate.Core.Jobs;
using Reelgate.Core.Pricing;
using Reelgate.Core.Ports;
using Reelgate.Core.Webhooks;

namespace Reelgate.Storage.Sql;

/// <summary>
/// Jobs, leases and holds in SQL. Each public method is one transaction; every worker write-back names
/// the lease owner and the processing state in its WHERE clause, so a worker that lost its lease
/// changes nothing.
/// </summary>
public sealed class SqlJobStore : IJobStore
{
    /// <summary>Queued and past its back-off, or processing under a lease that ran out.</summary>
    internal const string Claimable =
        "((status = 'queued' AND (retry_at IS NULL OR retry_at <= @Now)) OR (status = 'processing' AND lease_expires_at < @Now))";
    private const string Owned = "id = @Id AND lease_owner = @Owner AND status = 'processing'";
    private readonly SqlDialect _dialect;
    private readonly SubmissionBatcher _submissions;

    public SqlJobStore(SqlDialect dialect)
    {
        _dialect = dialect;
        _submissions = new SubmissionBatcher(dialect);
    }

    public Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken) =>
        _submissions.SubmitAsync(submission, cancellationToken);

    /// <summary>
    /// The submissions as one batch, in the order given, as the batcher runs concurrent ones (for tests that need
    /// a batch's content fixed). Batches keep a key's submissions in order; callers pass them sorted by key.
    /// </summary>
    internal Task<SubmitOutcome[]> SubmitTogetherAsync(IReadOnlyList<JobSubmission> submissions, CancellationToken cancellationToken) =>
        _submissions.RunTogetherAsync(submissions, cancellationToken);

    public async Task<SubmitOutcome?> PrecheckAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        if (submission.IdempotencyKey is not null
            && await FindIdempotentAsync(connection, null, submission, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        if (await CheckLimitsAsync(connection, null, submission, cancellationToken) is { } refused)
        {
            return refused;
        }

        var job = submission.Job;
        var available = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT available_micros FROM api_keys WHERE id = @KeyId AND revoked_at IS NULL", new { job.KeyId },
            cancellationToken: cancellationToken));
        return available switch
        {
            null => new SubmitOutcome.KeyUnavailable(),
            { } micros when micros < job.Price.Micros => new SubmitOutcome.InsufficientCredits(job.Price, new Money(micros)),
            _ => null,
        };
    }

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, jobId, cancellationToken);
    }

    public async Task<Page<Job>?> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        long? afterSeq = null;
        if (query.After is not null)
        {
            afterSeq = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT seq FROM jobs WHERE id = @Id AND key_id = @KeyId", new { Id = query.After, query.KeyId },
                cancellationToken: cancellationToken));
            if (afterSeq is null)
            {
                return null;
            }
        }

        var rows = (await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE key_id = @KeyId " +
            "AND (@Status IS NULL OR status = @Status) AND (@AfterSeq IS NULL OR " +
            (query.OldestFirst ? "seq > @AfterSeq) " : "seq < @AfterSeq) ") +
            (query.OldestFirst ? "ORDER BY seq LIMIT @Take" : "ORDER BY seq DESC LIMIT @Take"),
            new { query.KeyId, Status = query.Status?.ToWire(), AfterSeq = afterSeq, Take = query.Limit + 1 },
            cancellationToken: cancellationToken))).ToList();
        var hasMore = rows.Count > query.Limit;
        var jobs = rows.Take(query.Limit).Select(r => r.ToJob()).ToList();
        return new Page<Job>(jobs, hasMore, hasMore ? jobs[^1].Id : null);
    }

    public async Task<CancelOutcome> CancelAsync(string jobId, string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var price = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "UPDATE jobs SET status = 'cancelled', completed_at = @Now, updated_at = @Now, cost_state = 'released', " +
            "lease_owner = NULL, lease_expires_at = NULL, version = version + 1 " +
            "WHERE id = @Id AND key_id = @KeyId AND status IN ('queued', 'processing') RETURNING price_micros",
            new { Id = jobId, KeyId = keyId, Now = UnixTime.Ms(now) }, transaction, cancellationToken: cancellationToken));
        if (price is not null)
        {
            await LedgerWriter.ReleaseAsync(connection, transaction, keyId, price.Value, jobId, now, cancellationToken);
            await WebhookOutbox.EnqueueAsync(connection, transaction, jobId, WebhookEvents.Cancelled, now, cancellationToken);
        }

        var job = await GetAsync(connection, transaction, jobId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (job is null || !string.Equals(job.KeyId, keyId, StringComparison.Ordinal))
        {
            return new CancelOutcome.NotFound();
        }

        return price is null ? new CancelOutcome.AlreadyFinal(job) : new CancelOutcome.Cancelled(job);
    }

    public async Task<Job?> ClaimAsync(
        string workerId, DateTimeOffset now, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var claim = new FairClaim(
            _dialect, connection, transaction,
            new { Owner = workerId, Now = UnixTime.Ms(now), Until = UnixTime.Ms(now + lease), MaxAttempts = maxAttempts });
        var row = await claim.TakeAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return row?.ToJob();
    }

    public Task<bool> RenewLeaseAsync(string jobId, string workerId, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(
            $"UPDATE jobs SET lease_expires_at = @Until WHERE {Owned}",
            new { Id = jobId, Owner = workerId, Until = UnixTime.Ms(leaseExpiresAt) }, cancellationToken);

    public Task<bool> ReportProgressAsync(
        string jobId, string workerId, int progress, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(
            $"UPDATE jobs SET progress = @Progress, updated_at = @Now, version = version + 1 WHERE {Owned}",
            new { Id = jobId, Owner = workerId, Progress = Math.Clamp(progress, 0, 99), Now = UnixTime.Ms(now) }, cancellationToken);

    public Task<bool> SaveCheckpointAsync(
        string jobId, string workerId, string engine, string? checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(
            $"UPDATE jobs SET engine = @Engine, checkpoint = @Checkpoint, updated_at = @Now WHERE {Owned}",
            new { Id = jobId, Owner = workerId, Engine = engine, Checkpoint = checkpoint, Now = UnixTime.Ms(now) }, cancellationToken);

    public async Task<bool> CompleteAsync(
        string jobId, string workerId, JobResult result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var charged = await connection.QuerySingleOrDefaultAsync<PriceRow>(new CommandDefinition(
            "UPDATE jobs SET status = 'completed', progress = 100, completed_at = @Now, updated_at = @Now, result_json = @Result, " +
            "cost_state = 'charged', engine = @Engine, lease_owner = NULL, lease_expires_at = NULL, version = version + 1 " +
            $"WHERE {Owned} RETURNING key_id AS KeyId, price_micros AS Price",
            new { Id = jobId, Owner = workerId, Now = UnixTime.Ms(now), Result = StoredJson.Write(result), result.Engine },
            transaction, cancellationToken: cancellationToken));
        if (charged is null)
        {
            return false;
        }

        await LedgerWriter.ChargeAsync(connection, transaction, charged.KeyId, charged.Price, jobId, now, cancellationToken);
        await WebhookOutbox.EnqueueAsync(connection, transaction, jobId, WebhookEvents.Completed, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> FailAsync(
        string jobId, string workerId, JobError error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var failed = await FailRowAsync(
            connection, transaction, $"WHERE {Owned}", new { Id = jobId, Owner = workerId }, error, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failed.Count == 1;
    }

    public Task<bool> ReleaseAsync(
        string jobId, string workerId, JobRelease release, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);

        // A hand-back is free (the attempt is taken back) only while the job has had fewer than FreeHandBacks of them.
        var attempts = release.CountAttempt ? "attempts" : "attempts - CASE WHEN handbacks < @FreeHandBacks THEN 1 ELSE 0 END";
        var handbacks = release.CountAttempt ? "handbacks" : "handbacks + 1";
        return ExecuteOwnedAsync(
            "UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, progress = 0, " +
            $"attempts = {attempts}, handbacks = {handbacks}, retry_at = @RetryAt, updated_at = @Now, version = version + 1 WHERE {Owned}",
            new { Id = jobId, Owner = workerId, release.FreeHandBacks, RetryAt = UnixTime.Ms(release.RetryAt), Now = UnixTime.Ms(now) },
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> FailExhaustedAsync(DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var error = new JobError("attempts_exhausted",
            $"the job was started {maxAttempts} times and did not finish (its worker stopped or the engine kept failing); " +
            "the hold was released");
        var failed = await FailRowAsync(connection, transaction,
            $"WHERE {Claimable} AND attempts >= @MaxAttempts", new { Now = UnixTime.Ms(now), MaxAttempts = maxAttempts }, error, now,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    /// <summary>Fails the rows the WHERE clause selects and releases each one's hold; returns their ids.</summary>
    private static async Task<List<string>> FailRowAsync(
        DbConnection connection, DbTransaction transaction, string where, object parameters, JobError error, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("Now", UnixTime.Ms(now));
        arguments.Add("Code", error.Code);
        arguments.Add("Message", error.Message);
        var rows = (await connection.QueryAsync<PriceRow>(new CommandDefinition(
            "UPDATE jobs SET status = 'failed', completed_at = @Now, updated_at = @Now, error_code = @Code, error_message = @Message, " +
            $"cost_state = 'released', lease_owner = NULL, lease_expires_at = NULL, version = version + 1 {where} " +
            "RETURNING id AS Id, key_id AS KeyId, price_micros AS Price",
            arguments, transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var row in rows)
        {
            await LedgerWriter.ReleaseAsync(connection, transaction, row.KeyId, row.Price, row.Id, now, cancellationToken);
            await WebhookOutbox.EnqueueAsync(connection, transaction, row.Id, WebhookEvents.Failed, now, cancellationToken);
        }

        return rows.Select(r => r.Id).ToList();
    }

    /// <summary>The job an earlier submission with the same idempotency key made (the pre-check's look-up; the batch
    /// purges an expired key itself, see <see cref="SubmissionPlan"/>).</summary>
    private static async Task<SubmitOutcome?> FindIdempotentAsync(
        DbConnection connection, DbTransaction? transaction, JobSubmission submission, CancellationToken cancellationToken)
    {
        var parameters = new { submission.Job.KeyId, submission.IdempotencyKey, Cutoff = UnixTime.Ms(submission.IdempotencyCutoff) };
        var earlier = await connection.QuerySingleOrDefaultAsync<IdempotencyRow>(new CommandDefinition(
            "SELECT job_id AS JobId, request_hash AS RequestHash FROM idempotency_keys " +
            "WHERE key_id = @KeyId AND idempotency_key = @IdempotencyKey AND created_at >= @Cutoff",
            parameters, transaction, cancellationToken: cancellationToken));
        if (earlier is null)
        {
            return null;
        }

        if (!string.Equals(earlier.RequestHash, submission.RequestHash, StringComparison.Ordinal))
        {
            return new SubmitOutcome.IdempotencyMismatch(earlier.JobId);
        }

        var job = await GetAsync(connection, transaction, earlier.JobId, cancellationToken);
        return job is null ? null : new SubmitOutcome.Replayed(job);
    }

    private static async Task<SubmitOutcome?> CheckLimitsAsync(
        DbConnection connection, DbTransaction? transaction, JobSubmission submission, CancellationToken cancellationToken)
    {
        var limits = submission.Limits;
        if (limits.JobsInFlight is { } maxInFlight)
        {
            var inFlight = await connection.QuerySingleAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM jobs WHERE key_id = @KeyId AND status IN ('queued', 'processing')",
                new { submission.Job.KeyId }, transaction, cancellationToken: cancellationToken));
            if (inFlight >= maxInFlight)
            {
                return new SubmitOutcome.TooManyInFlight(maxInFlight);
            }
        }

        if (limits.SpendPerDay is { } maxSpend)
        {
            var spent = await connection.QuerySingleAsync<long>(new CommandDefinition(
                "SELECT COALESCE(SUM(price_micros), 0) FROM jobs " +
                "WHERE key_id = @KeyId AND created_at >= @Since AND cost_state IN ('held', 'charged')",
                new { submission.Job.KeyId, Since = UnixTime.Ms(submission.SpendDayStart) }, transaction,
                cancellationToken: cancellationToken));
            if (spent + submission.Job.Price.Micros > maxSpend.Micros)
            {
                return new SubmitOutcome.DailySpendExceeded(maxSpend, new Money(spent));
            }
        }

        return null;
    }

    private async Task<bool> ExecuteOwnedAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    internal static async Task<Job?> GetAsync(
        DbConnection connection, DbTransaction? transaction, string jobId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            $"SELECT {JobRow.Columns} FROM jobs WHERE id = @Id", new { Id = jobId }, transaction, cancellationToken: cancellationToken));
        return row?.ToJob();
    }

    private sealed class PriceRow
    {
        public string Id { get; set; } = "";

        public string KeyId { get; set; } = "";

        public long Price { get; set; }
    }

    private sealed class IdempotencyRow
    {
        public string JobId { get; set; } = "";

        public string RequestHash { get; set; } = "";
    }
}
