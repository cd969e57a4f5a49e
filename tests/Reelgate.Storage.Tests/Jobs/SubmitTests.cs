using Dapper;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>Submitting: the hold, idempotency, credit and limits, alone and under concurrency.</summary>
public abstract class SubmitTests : StoreContract
{
    [Fact]
    public async Task Submit_holds_the_price_with_a_ledger_row_when_credit_covers_it()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");

        var job = await SubmitAsync(db.Jobs, key);

        var stored = (await db.Jobs.GetAsync(job.Id, Token))!;
        stored.Status.ShouldBe(JobStatus.Queued);
        stored.CostState.ShouldBe(CostState.Held);
        stored.Price.ShouldBe(Price);
        stored.Request.ShouldBeEquivalentTo(job.Request);
        stored.Version.ShouldBe(1);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.60"), Money.Parse("0.40")));
        var ledger = await LedgerAsync(db.Keys, key);
        ledger.Select(r => (r.Kind, r.Amount, r.JobId, r.AvailableAfter)).ShouldBe(
        [
            (LedgerKind.Hold, Money.Parse("-0.40"), job.Id, Money.Parse("0.60")),
            (LedgerKind.Credit, Money.Parse("1.00"), null, Money.Parse("1.00")),
        ]);
    }

    [Fact]
    public async Task Submit_replays_the_first_job_when_the_idempotency_key_and_body_repeat()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        var first = await SubmitOnceAsync(db.Jobs, key, "order-1");

        var again = await db.Jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: "order-1"), Token);

        again.ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(first.Id);
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Price);
    }

    [Fact]
    public async Task Submit_refuses_with_mismatch_when_the_idempotency_key_comes_with_another_body()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        var first = await SubmitOnceAsync(db.Jobs, key, "order-1");

        var other = await db.Jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: "order-1", requestHash: "hash-b"), Token);

        other.ShouldBeOfType<SubmitOutcome.IdempotencyMismatch>().JobId.ShouldBe(first.Id);
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Price);
    }

    [Fact]
    public async Task Submit_accepts_a_new_job_when_the_idempotency_key_is_older_than_the_window()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        var first = await SubmitOnceAsync(db.Jobs, key, "order-1");

        var later = await db.Jobs.SubmitAsync(
            Submission(NewJob(key, at: Now.AddHours(25)), idempotencyKey: "order-1", requestHash: "hash-b"),
            Token);

        later.ShouldBeOfType<SubmitOutcome.Accepted>().Job.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public async Task Submit_queues_nothing_and_holds_nothing_when_credit_is_insufficient()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "0.39");
        var job = NewJob(key);

        var outcome = await db.Jobs.SubmitAsync(Submission(job), Token);

        outcome.ShouldBe(new SubmitOutcome.InsufficientCredits(Price, Money.Parse("0.39")));
        (await db.Jobs.GetAsync(job.Id, Token)).ShouldBeNull();
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.39"), Money.Zero));
        (await LedgerAsync(db.Keys, key)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Submit_reports_the_key_unavailable_when_it_was_revoked()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        (await db.Keys.RevokeAsync(key, Now, Token)).ShouldBe(RevokeOutcome.Revoked);

        var outcome = await db.Jobs.SubmitAsync(Submission(NewJob(key)), Token);

        outcome.ShouldBeOfType<SubmitOutcome.KeyUnavailable>();
    }

    [Fact]
    public async Task Submit_reports_the_key_unavailable_and_writes_nothing_when_the_key_does_not_exist()
    {
        // On PostgreSQL no foreign key stands behind this (migration 007): the batch's own read of the key row is the check.
        await using var db = await NewDatabaseAsync();
        var job = NewJob(Ids.New(Ids.KeyPrefix, Now));

        var outcome = await db.Jobs.SubmitAsync(Submission(job), Token);

        outcome.ShouldBeOfType<SubmitOutcome.KeyUnavailable>();
        (await db.Jobs.GetAsync(job.Id, Token)).ShouldBeNull();
        await using var connection = await db.Dialect.OpenAsync(Token);
        (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM ledger WHERE key_id = @KeyId", new { job.KeyId }, cancellationToken: Token))).ShouldBe(0);
    }

    [Fact]
    public async Task Submit_refuses_when_the_key_has_its_limit_of_jobs_in_flight()
    {
        await using var db = await NewDatabaseAsync();
        var limits = new KeyLimits(JobsInFlight: 2);
        var key = await CreateKeyAsync(db.Keys, "10.00", limits);
        await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token);
        var second = (await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token)).ShouldBeOfType<SubmitOutcome.Accepted>();

        (await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token)).ShouldBe(new SubmitOutcome.TooManyInFlight(2));

        (await db.Jobs.CancelAsync(second.Job.Id, key, Now, Token)).ShouldBeOfType<CancelOutcome.Cancelled>();
        (await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token)).ShouldBeOfType<SubmitOutcome.Accepted>();
    }

    [Fact]
    public async Task Submit_refuses_when_the_daily_spend_would_pass_the_limit()
    {
        await using var db = await NewDatabaseAsync();
        var limits = new KeyLimits(SpendPerDay: Money.Parse("1.00"));
        var key = await CreateKeyAsync(db.Keys, "10.00", limits);
        await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token);
        await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token);

        var third = await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token);

        third.ShouldBe(new SubmitOutcome.DailySpendExceeded(Money.Parse("1.00"), Money.Parse("0.80")));
        var nextDay = await db.Jobs.SubmitAsync(Submission(NewJob(key, at: Now.AddDays(1)), limits), Token);
        nextDay.ShouldBeOfType<SubmitOutcome.Accepted>();
    }

    [Fact]
    public async Task Submit_creates_one_job_when_eight_callers_race_with_one_idempotency_key()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => db.Jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: "same"), Token), Token)));

        var accepted = outcomes.OfType<SubmitOutcome.Accepted>().ShouldHaveSingleItem();
        outcomes.OfType<SubmitOutcome.Replayed>().Select(r => r.Job.Id).ShouldAllBe(id => id == accepted.Job.Id);
        outcomes.Length.ShouldBe(8);
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Price);
    }

    [Fact]
    public async Task Submit_never_overdraws_when_many_callers_race_for_the_last_credit()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => db.Jobs.SubmitAsync(Submission(NewJob(key)), Token), Token)));

        outcomes.OfType<SubmitOutcome.Accepted>().Count().ShouldBe(2);
        outcomes.OfType<SubmitOutcome.InsufficientCredits>().Count().ShouldBe(10);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.20"), Money.Parse("0.80")));
        (await LedgerAsync(db.Keys, key)).Sum(r => r.Amount.Micros).ShouldBe(Money.Parse("0.20").Micros);
    }

    [Fact]
    public async Task Submit_keeps_jobs_in_flight_within_the_limit_when_callers_race()
    {
        await using var db = await NewDatabaseAsync();
        var limits = new KeyLimits(JobsInFlight: 3);
        var key = await CreateKeyAsync(db.Keys, "10.00", limits);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token), Token)));

        outcomes.OfType<SubmitOutcome.Accepted>().Count().ShouldBe(3);
        outcomes.OfType<SubmitOutcome.TooManyInFlight>().Count().ShouldBe(7);
    }

    /// <summary>
    /// Concurrent submissions share one transaction (group commit). Two of these twenty carry the same job id,
    /// so whichever batch holds the second fails on the primary key: only that caller may see the error; every
    /// other submission is accepted and held exactly once.
    /// </summary>
    [Fact]
    public async Task Submit_answers_only_the_failing_caller_when_one_submission_among_concurrent_ones_throws()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var jobs = Enumerable.Range(0, 19).Select(_ => NewJob(key)).ToList();
        jobs.Insert(10, jobs[3] with { });

        var outcomes = await Task.WhenAll(jobs.Select(job =>
            Task.Run(async () =>
            {
                try
                {
                    return (object)await db.Jobs.SubmitAsync(Submission(job), Token);
                }
                catch (System.Data.Common.DbException e)
                {
                    return e;
                }
            }, Token)));

        outcomes.OfType<System.Data.Common.DbException>().ShouldHaveSingleItem();
        var accepted = outcomes.OfType<SubmitOutcome.Accepted>().Select(a => a.Job.Id).ToList();
        accepted.Count.ShouldBe(19);
        accepted.ShouldBe(jobs.Select(j => j.Id).Distinct(), ignoreOrder: true);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("2.40"), Money.Parse("7.60")));
        (await LedgerAsync(db.Keys, key)).Count(r => r.Kind == LedgerKind.Hold).ShouldBe(19);
    }

    public sealed class OnSqlite : SubmitTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : SubmitTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
