using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>Claims shared fairly between keys, back-off between attempts, and hand-backs that count in the end.</summary>
public abstract class FairClaimTests : StoreContract
{
    [Fact]
    public async Task Claim_starts_the_other_keys_job_next_when_one_key_queued_200_first()
    {
        await using var db = await NewDatabaseAsync();
        var flooder = await CreateKeyAsync(db.Keys, "1000.00");
        var quiet = await CreateKeyAsync(db.Keys);
        for (var i = 0; i < 200; i++)
        {
            await SubmitAsync(db.Jobs, flooder, at: Now.AddMilliseconds(i));
        }

        var late = await SubmitAsync(db.Jobs, quiet, at: Now.AddSeconds(1));

        (await db.Jobs.ClaimAsync("slot-1", Now.AddSeconds(2), Lease, 3, Token))!.KeyId.ShouldBe(flooder);
        (await db.Jobs.ClaimAsync("slot-2", Now.AddSeconds(2), Lease, 3, Token))!.Id.ShouldBe(late.Id);
        (await db.Jobs.ClaimAsync("slot-3", Now.AddSeconds(2), Lease, 3, Token))!.KeyId.ShouldBe(flooder);
    }

    [Fact]
    public async Task Claim_alternates_between_keys_when_both_keep_queueing()
    {
        await using var db = await NewDatabaseAsync();
        var a = await CreateKeyAsync(db.Keys, "1000.00");
        var b = await CreateKeyAsync(db.Keys, "1000.00");
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync(db.Jobs, a, at: Now.AddMilliseconds(i));
        }

        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync(db.Jobs, b, at: Now.AddMilliseconds(100 + i));
        }

        var owners = new List<string>();
        for (var slot = 0; slot < 6; slot++)
        {
            owners.Add((await db.Jobs.ClaimAsync($"slot-{slot}", Now.AddSeconds(1), Lease, 3, Token))!.KeyId);
        }

        owners.ShouldBe([a, b, a, b, a, b]);
    }

    [Fact]
    public async Task Claim_gives_a_weighted_key_more_slots_when_an_admin_raised_its_weight()
    {
        await using var db = await NewDatabaseAsync();
        var heavy = await CreateKeyAsync(db.Keys, "1000.00", weight: 2);
        var light = await CreateKeyAsync(db.Keys, "1000.00");
        for (var i = 0; i < 6; i++)
        {
            await SubmitAsync(db.Jobs, light, at: Now.AddMilliseconds(i));
            await SubmitAsync(db.Jobs, heavy, at: Now.AddMilliseconds(50 + i));
        }

        var owners = new List<string>();
        for (var slot = 0; slot < 6; slot++)
        {
            owners.Add((await db.Jobs.ClaimAsync($"slot-{slot}", Now.AddSeconds(1), Lease, 3, Token))!.KeyId);
        }

        owners.Count(k => k == heavy).ShouldBe(4);
        owners.Count(k => k == light).ShouldBe(2);
    }

    [Fact]
    public async Task Claim_waits_out_the_back_off_when_a_retry_was_put_off()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await ClaimedJobAsync(db);
        var retryAt = Now.AddSeconds(10);

        (await db.Jobs.ReleaseAsync(job.Id, "worker-a", JobRelease.Retry(retryAt), Now, Token)).ShouldBeTrue();

        var waiting = (await db.Jobs.GetAsync(job.Id, Token))!;
        (waiting.Status, waiting.RetryAt, waiting.Attempts).ShouldBe((JobStatus.Queued, (DateTimeOffset?)retryAt, 1));
        (await db.Jobs.ClaimAsync("worker-b", retryAt.AddMilliseconds(-1), Lease, 3, Token)).ShouldBeNull();
        var retried = (await db.Jobs.ClaimAsync("worker-b", retryAt, Lease, 3, Token))!;
        (retried.Id, retried.Attempts, retried.RetryAt).ShouldBe((job.Id, 2, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task Release_counts_the_attempt_when_the_job_was_handed_back_more_than_the_free_times()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await SubmittedJobAsync(db);
        var attempts = new List<int>();
        for (var handBack = 1; handBack <= 4; handBack++)
        {
            await db.Jobs.ClaimAsync($"worker-{handBack}", Now, Lease, 10, Token);
            (await db.Jobs.ReleaseAsync(job.Id, $"worker-{handBack}", JobRelease.HandBack(2), Now, Token)).ShouldBeTrue();
            attempts.Add((await db.Jobs.GetAsync(job.Id, Token))!.Attempts);
        }

        attempts.ShouldBe([0, 0, 1, 2]);
    }

    [Fact]
    public async Task Precheck_answers_without_writing_when_the_key_cannot_pay_or_replays()
    {
        await using var db = await NewDatabaseAsync();
        var poor = await CreateKeyAsync(db.Keys, "0.10");
        var rich = await CreateKeyAsync(db.Keys);
        var first = NewJob(rich);
        (await db.Jobs.SubmitAsync(Submission(first, idempotencyKey: "idem-1"), Token)).ShouldBeOfType<SubmitOutcome.Accepted>();

        (await db.Jobs.PrecheckAsync(Submission(NewJob(poor)), Token)).ShouldBeOfType<SubmitOutcome.InsufficientCredits>();
        (await db.Jobs.PrecheckAsync(Submission(NewJob(rich), idempotencyKey: "idem-1"), Token))
            .ShouldBeOfType<SubmitOutcome.Replayed>().Job.Id.ShouldBe(first.Id);
        (await db.Jobs.PrecheckAsync(Submission(NewJob(rich), idempotencyKey: "idem-1", requestHash: "hash-b"), Token))
            .ShouldBeOfType<SubmitOutcome.IdempotencyMismatch>();
        (await db.Jobs.PrecheckAsync(Submission(NewJob(rich), new Core.Keys.KeyLimits(null, 1, null)), Token))
            .ShouldBeOfType<SubmitOutcome.TooManyInFlight>();
        (await db.Jobs.PrecheckAsync(Submission(NewJob(rich)), Token)).ShouldBeNull();
        (await db.Keys.GetBalanceAsync(poor, Token))!.Held.ShouldBe(Core.Pricing.Money.Zero);
    }

    public sealed class OnSqlite : FairClaimTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : FairClaimTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
