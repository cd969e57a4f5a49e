using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>Final states and money: complete charges, fail releases, exhausted jobs fail; each with its ledger rows.</summary>
public abstract class SettleTests : StoreContract
{
    [Fact]
    public async Task Complete_charges_the_hold_with_release_and_charge_rows_when_the_owner_completes()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await ClaimedJobAsync(db, "1.00");
        var result = Result(job.Id);

        (await db.Jobs.CompleteAsync(job.Id, "worker-a", result, Now.AddSeconds(9), Token)).ShouldBeTrue();

        var done = (await db.Jobs.GetAsync(job.Id, Token))!;
        (done.Status, done.CostState, done.Progress, done.LeaseOwner, done.Engine).ShouldBe((
            JobStatus.Completed,
            CostState.Charged,
            100,
            (string?)null,
            "local"));
        done.CompletedAt.ShouldBe(Now.AddSeconds(9));
        done.Result.ShouldNotBeNull();
        done.Result.Outputs.ShouldBe(result.Outputs);
        (done.Result.Thinking, done.Result.Engine).ShouldBe((result.Thinking, result.Engine));
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.60"), Money.Zero));
        var rows = await LedgerAsync(db.Keys, key);
        rows.Take(2).Select(r => (r.Kind, r.Amount, r.JobId, r.AvailableAfter)).ShouldBe(
        [
            (LedgerKind.Charge, Money.Parse("-0.40"), job.Id, Money.Parse("0.60")),
            (LedgerKind.Release, Money.Parse("0.40"), job.Id, Money.Parse("1.00")),
        ]);
        rows.Sum(r => r.Amount.Micros).ShouldBe(Money.Parse("0.60").Micros);
    }

    [Fact]
    public async Task Complete_is_refused_the_second_time_when_the_job_is_already_completed()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await ClaimedJobAsync(db, "1.00");
        (await db.Jobs.CompleteAsync(job.Id, "worker-a", Result(job.Id), Now, Token)).ShouldBeTrue();

        (await db.Jobs.CompleteAsync(job.Id, "worker-a", Result(job.Id), Now, Token)).ShouldBeFalse();

        (await LedgerAsync(db.Keys, key)).Count(r => r.Kind == LedgerKind.Charge).ShouldBe(1);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.60"), Money.Zero));
    }

    [Fact]
    public async Task Fail_releases_the_hold_and_records_the_error_when_the_owner_fails_the_job()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await ClaimedJobAsync(db, "1.00");

        (await db.Jobs.FailAsync(job.Id, "worker-a", new JobError("content_moderation", "refused"), Now, Token)).ShouldBeTrue();

        var failed = (await db.Jobs.GetAsync(job.Id, Token))!;
        (failed.Status, failed.CostState, failed.Error).ShouldBe((
            JobStatus.Failed,
            CostState.Released,
            new JobError("content_moderation", "refused")));
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("1.00"), Money.Zero));
        var release = (await LedgerAsync(db.Keys, key))[0];
        (release.Kind, release.Amount, release.JobId).ShouldBe((LedgerKind.Release, Price, job.Id));
    }

    [Fact]
    public async Task FailExhausted_fails_and_releases_only_jobs_whose_last_lease_ran_out()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var exhausted = await SubmitAsync(db.Jobs, key);
        var running = await SubmitAsync(db.Jobs, key);
        var waiting = await SubmitAsync(db.Jobs, key);
        await db.Jobs.ClaimAsync("worker-a", Now, Lease, 1, Token);
        await db.Jobs.ClaimAsync("worker-b", Now, Lease, 1, Token);
        (await db.Jobs.RenewLeaseAsync(running.Id, "worker-b", Now + Lease * 3, Token)).ShouldBeTrue();
        var later = Now + Lease + TimeSpan.FromSeconds(1);

        var failed = await db.Jobs.FailExhaustedAsync(later, 1, Token);

        failed.ShouldBe([exhausted.Id]);
        var job = (await db.Jobs.GetAsync(exhausted.Id, Token))!;
        (job.Status, job.CostState, job.Error?.Code).ShouldBe((JobStatus.Failed, CostState.Released, "attempts_exhausted"));
        (await db.Jobs.GetAsync(running.Id, Token))!.Status.ShouldBe(JobStatus.Processing);
        (await db.Jobs.GetAsync(waiting.Id, Token))!.Status.ShouldBe(JobStatus.Queued);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("9.20"), Money.Parse("0.80")));
        (await LedgerAsync(db.Keys, key)).Count(r => r.Kind == LedgerKind.Release && r.JobId == exhausted.Id).ShouldBe(1);
        (await db.Jobs.FailExhaustedAsync(later, 1, Token)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ledger_sums_to_the_available_balance_when_jobs_end_every_way()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "5.00");
        var jobs = new List<Job>();
        for (var i = 0; i < 6; i++)
        {
            jobs.Add(await SubmitAsync(db.Jobs, key, Money.Parse("0.65")));
        }

        for (var i = 0; i < 4; i++)
        {
            await db.Jobs.ClaimAsync($"w{i}", Now, Lease, 3, Token);
        }

        await db.Jobs.CompleteAsync(jobs[0].Id, "w0", Result(jobs[0].Id), Now, Token);
        await db.Jobs.CompleteAsync(jobs[1].Id, "w1", Result(jobs[1].Id), Now, Token);
        await db.Jobs.FailAsync(jobs[2].Id, "w2", new JobError("engine_error", "x"), Now, Token);
        await db.Jobs.CancelAsync(jobs[3].Id, key, Now, Token);
        await db.Jobs.CancelAsync(jobs[4].Id, key, Now, Token);
        await db.Keys.AddCreditsAsync(key, Money.Parse("1.11"), Now, Token);

        var balance = (await db.Keys.GetBalanceAsync(key, Token))!;
        balance.ShouldBe(new Balance(Money.Parse("4.16"), Money.Parse("0.65")));
        (await LedgerAsync(db.Keys, key)).Sum(r => r.Amount.Micros).ShouldBe(balance.Available.Micros);
    }

    public sealed class OnSqlite : SettleTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : SettleTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
