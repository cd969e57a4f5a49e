using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>
/// Group commit decides a whole batch from one read of its facts: these batches are fixed (not left to the timing
/// of concurrent callers), so each shows that a submission sees the holds, jobs, spend and idempotency keys of the
/// ones before it in the same batch, exactly as if they had come one by one.
/// </summary>
public abstract class SubmitBatchTests : StoreContract
{
    [Fact]
    public async Task Submit_decides_replays_mismatches_and_short_credit_in_order_when_one_key_fills_a_batch()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.30");
        var stored = await SubmitOnceAsync(db.Jobs, key, "stored");

        var outcomes = await db.Jobs.SubmitTogetherAsync(
        [
            Submission(NewJob(key), idempotencyKey: "order-1"),
            Submission(NewJob(key), idempotencyKey: "order-1"),
            Submission(NewJob(key), idempotencyKey: "order-1", requestHash: "hash-b"),
            Submission(NewJob(key), idempotencyKey: "stored"),
            Submission(NewJob(key)),
            Submission(NewJob(key), idempotencyKey: "order-2"),
            Submission(NewJob(key), idempotencyKey: "order-2"),
        ], Token);

        var first = outcomes[0].ShouldBeOfType<SubmitOutcome.Accepted>().Job;
        outcomes[1].ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(first.Id);
        outcomes[2].ShouldBe(new SubmitOutcome.IdempotencyMismatch(first.Id));
        outcomes[3].ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(stored.Id);
        var second = outcomes[4].ShouldBeOfType<SubmitOutcome.Accepted>().Job;
        outcomes[5].ShouldBe(new SubmitOutcome.InsufficientCredits(Price, Money.Parse("0.10")));
        outcomes[6].ShouldBe(new SubmitOutcome.InsufficientCredits(Price, Money.Parse("0.10")));
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.10"), Money.Parse("1.20")));
        (await LedgerAsync(db.Keys, key)).Take(2).Select(r => (r.Kind, r.JobId, r.AvailableAfter)).ShouldBe(
        [
            (LedgerKind.Hold, second.Id, Money.Parse("0.10")),
            (LedgerKind.Hold, first.Id, Money.Parse("0.50")),
        ]);
        (await db.Jobs.GetAsync(first.Id, Token))!.CostState.ShouldBe(CostState.Held);
        (await db.Jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: "order-1"), Token))
            .ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task Submit_refuses_the_rest_of_a_batch_when_the_jobs_in_flight_limit_is_reached_in_its_middle()
    {
        await using var db = await NewDatabaseAsync();
        var limits = new KeyLimits(JobsInFlight: 3);
        var key = await CreateKeyAsync(db.Keys, "10.00", limits);
        await db.Jobs.SubmitAsync(Submission(NewJob(key), limits), Token);

        var outcomes = await db.Jobs.SubmitTogetherAsync(
            [.. Enumerable.Range(0, 4).Select(_ => Submission(NewJob(key), limits))], Token);

        outcomes.Select(o => o.GetType()).ShouldBe(
            [typeof(SubmitOutcome.Accepted), typeof(SubmitOutcome.Accepted), typeof(SubmitOutcome.TooManyInFlight),
             typeof(SubmitOutcome.TooManyInFlight)]);
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Money.Parse("1.20"));
    }

    [Fact]
    public async Task Submit_counts_earlier_jobs_of_the_batch_in_the_daily_spend_when_the_limit_is_reached_in_its_middle()
    {
        await using var db = await NewDatabaseAsync();
        var limits = new KeyLimits(SpendPerDay: Money.Parse("1.00"));
        var key = await CreateKeyAsync(db.Keys, "10.00", limits);

        var outcomes = await db.Jobs.SubmitTogetherAsync(
        [
            Submission(NewJob(key), limits),
            Submission(NewJob(key), limits),
            Submission(NewJob(key), limits),
            Submission(NewJob(key, price: Money.Parse("0.20")), limits),
            Submission(NewJob(key, at: Now.AddDays(1)), limits),
        ], Token);

        outcomes[0].ShouldBeOfType<SubmitOutcome.Accepted>();
        outcomes[1].ShouldBeOfType<SubmitOutcome.Accepted>();
        outcomes[2].ShouldBe(new SubmitOutcome.DailySpendExceeded(Money.Parse("1.00"), Money.Parse("0.80")));
        outcomes[3].ShouldBeOfType<SubmitOutcome.Accepted>();
        outcomes[4].ShouldBeOfType<SubmitOutcome.Accepted>();
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Money.Parse("1.40"));
    }

    [Fact]
    public async Task Submit_keeps_each_keys_balance_apart_when_a_batch_holds_several_keys_and_a_revoked_one()
    {
        await using var db = await NewDatabaseAsync();
        var rich = await CreateKeyAsync(db.Keys, "1.00");
        var poor = await CreateKeyAsync(db.Keys, "0.40");
        var revoked = await CreateKeyAsync(db.Keys, "1.00");
        (await db.Keys.RevokeAsync(revoked, Now, Token)).ShouldBe(RevokeOutcome.Revoked);
        var batch = new[] { rich, poor, revoked, rich, poor }.Select(k => Submission(NewJob(k)))
            .OrderBy(s => s.Job.KeyId, StringComparer.Ordinal).ToList();

        var outcomes = await db.Jobs.SubmitTogetherAsync(batch, Token);

        var byKey = batch.Zip(outcomes).ToLookup(p => p.First.Job.KeyId, p => p.Second);
        byKey[rich].ShouldAllBe(o => o is SubmitOutcome.Accepted);
        byKey[poor].Select(o => o.GetType()).ShouldBe([typeof(SubmitOutcome.Accepted), typeof(SubmitOutcome.InsufficientCredits)]);
        byKey[revoked].ShouldHaveSingleItem().ShouldBeOfType<SubmitOutcome.KeyUnavailable>();
        (await db.Keys.GetBalanceAsync(rich, Token)).ShouldBe(new Balance(Money.Parse("0.20"), Money.Parse("0.80")));
        (await db.Keys.GetBalanceAsync(poor, Token)).ShouldBe(new Balance(Money.Zero, Money.Parse("0.40")));
        (await db.Keys.GetBalanceAsync(revoked, Token))!.Held.ShouldBe(Money.Zero);
    }

    [Fact]
    public async Task Submit_stores_the_idempotency_key_anew_when_a_batch_reuses_one_older_than_the_window()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var old = await SubmitOnceAsync(db.Jobs, key, "order-1");
        var later = Now.AddHours(25);

        var outcomes = await db.Jobs.SubmitTogetherAsync(
        [
            Submission(NewJob(key, at: later), idempotencyKey: "order-1", requestHash: "hash-b"),
            Submission(NewJob(key, at: later), idempotencyKey: "order-1", requestHash: "hash-b"),
        ], Token);

        var fresh = outcomes[0].ShouldBeOfType<SubmitOutcome.Accepted>().Job;
        fresh.Id.ShouldNotBe(old.Id);
        outcomes[1].ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(fresh.Id);
        (await db.Jobs.SubmitAsync(Submission(NewJob(key, at: later), idempotencyKey: "order-1", requestHash: "hash-b"), Token))
            .ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(fresh.Id);
    }

    [Fact]
    public async Task Submit_writes_nothing_of_a_batch_when_one_of_its_submissions_fails()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var job = NewJob(key);

        await Should.ThrowAsync<System.Data.Common.DbException>(() => db.Jobs.SubmitTogetherAsync(
            [Submission(NewJob(key), idempotencyKey: "order-1"), Submission(job), Submission(job with { })], Token));

        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("10.00"), Money.Zero));
        (await LedgerAsync(db.Keys, key)).ShouldHaveSingleItem().Kind.ShouldBe(LedgerKind.Credit);
        (await db.Jobs.GetAsync(job.Id, Token)).ShouldBeNull();
        (await db.Jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: "order-1"), Token)).ShouldBeOfType<SubmitOutcome.Accepted>();
    }

    /// <summary>A batch's rows go in as its submissions came: jobs listed oldest first and holds newest first follow it.</summary>
    [Fact]
    public async Task Submit_stores_a_batchs_jobs_holds_and_idempotency_keys_in_the_batchs_order()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var batch = Enumerable.Range(0, 9).Select(i => Submission(NewJob(key), idempotencyKey: $"order-{i}")).ToList();

        var outcomes = await db.Jobs.SubmitTogetherAsync(batch, Token);

        var ids = outcomes.Select(o => o.ShouldBeOfType<SubmitOutcome.Accepted>().Job.Id).ToList();
        ids.ShouldBe(batch.Select(s => s.Job.Id));
        var listed = (await db.Jobs.ListAsync(new JobQuery(key, 20, null, null) { OldestFirst = true }, Token))!;
        listed.Items.Select(j => j.Id).ShouldBe(ids);
        var holds = (await LedgerAsync(db.Keys, key)).Where(r => r.Kind == LedgerKind.Hold).ToList();
        holds.Select(r => r.JobId).ShouldBe(Enumerable.Reverse(ids));
        holds.Select(r => r.Amount).ShouldAllBe(amount => amount == -Price);
        var replays = await db.Jobs.SubmitTogetherAsync(batch, Token);
        replays.Select(o => o.ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id).ShouldBe(ids);
    }

    /// <summary>Two nodes' batches of one key: each reads the balance under the key's row lock, so neither overdraws.</summary>
    [Fact]
    public async Task Submit_never_overdraws_when_two_nodes_submit_batches_for_one_key_at_once()
    {
        await using var db = await NewDatabaseAsync();
        await using var other = db.AnotherNode();
        var otherJobs = new SqlJobStore(other.Dialect);
        var key = await CreateKeyAsync(db.Keys, "2.00");

        var outcomes = await Task.WhenAll(
            Task.Run(() => db.Jobs.SubmitTogetherAsync([.. Enumerable.Range(0, 6).Select(_ => Submission(NewJob(key)))], Token), Token),
            Task.Run(() => otherJobs.SubmitTogetherAsync([.. Enumerable.Range(0, 6).Select(_ => Submission(NewJob(key)))], Token), Token));

        outcomes.SelectMany(o => o).OfType<SubmitOutcome.Accepted>().Count().ShouldBe(5);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Zero, Money.Parse("2.00")));
        var holds = (await LedgerAsync(db.Keys, key)).Where(r => r.Kind == LedgerKind.Hold).ToList();
        holds.Select(r => r.AvailableAfter.Micros).ShouldBe([0, 400_000, 800_000, 1_200_000, 1_600_000]);
    }

    public sealed class OnSqlite : SubmitBatchTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : SubmitBatchTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
