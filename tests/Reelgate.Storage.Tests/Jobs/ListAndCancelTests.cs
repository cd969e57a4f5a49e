using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>Reading a key's jobs (newest first, cursor paging, status filter) and cancelling them.</summary>
public abstract class ListAndCancelTests : StoreContract
{
    [Fact]
    public async Task List_pages_newest_first_when_following_the_cursor()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await SubmitAsync(db.Jobs, key, at: Now.AddSeconds(i))).Id);
        }

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = (await db.Jobs.ListAsync(new JobQuery(key, 3, after, null), Token))!;
            seen.AddRange(page.Items.Select(j => j.Id));
            page.HasMore.ShouldBe(page.NextCursor is not null);
            after = page.NextCursor;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(3);
        seen.ShouldBe(Enumerable.Reverse(ids).ToList());
    }

    [Fact]
    public async Task List_pages_oldest_first_when_asked_and_after_means_later_jobs()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await SubmitAsync(db.Jobs, key, at: Now.AddSeconds(i))).Id);
        }

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await db.Jobs.ListAsync(new JobQuery(key, 2, after, null) { OldestFirst = true }, Token))!;
            seen.AddRange(page.Items.Select(j => j.Id));
            after = page.NextCursor;
        }
        while (after is not null);

        seen.ShouldBe(ids);
    }

    [Fact]
    public async Task Submit_stores_the_job_a_remix_was_made_from()
    {
        await using var db = await NewDatabaseAsync();
        var (key, source) = await SubmittedJobAsync(db);
        var remix = NewJob(key) with { RemixedFrom = source.Id };

        await db.Jobs.SubmitAsync(Submission(remix), Token);

        (await db.Jobs.GetAsync(remix.Id, Token))!.RemixedFrom.ShouldBe(source.Id);
        (await db.Jobs.GetAsync(source.Id, Token))!.RemixedFrom.ShouldBeNull();
    }

    [Fact]
    public async Task List_returns_only_the_status_asked_for_when_filtered()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys);
        var cancelled = await SubmitAsync(db.Jobs, key);
        var queued = await SubmitAsync(db.Jobs, key);
        await db.Jobs.CancelAsync(cancelled.Id, key, Now, Token);

        var onlyQueued = (await db.Jobs.ListAsync(new JobQuery(key, 10, null, JobStatus.Queued), Token))!;
        var all = (await db.Jobs.ListAsync(new JobQuery(key, 10, null, null), Token))!;

        onlyQueued.Items.Select(j => j.Id).ShouldBe([queued.Id]);
        onlyQueued.HasMore.ShouldBeFalse();
        all.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task List_gives_null_when_the_cursor_is_another_keys_job()
    {
        await using var db = await NewDatabaseAsync();
        var mine = await CreateKeyAsync(db.Keys);
        var theirs = await CreateKeyAsync(db.Keys);
        var theirJob = await SubmitAsync(db.Jobs, theirs);
        await SubmitAsync(db.Jobs, mine);

        (await db.Jobs.ListAsync(new JobQuery(mine, 10, theirJob.Id, null), Token)).ShouldBeNull();
        (await db.Jobs.ListAsync(new JobQuery(mine, 10, null, null), Token))!.Items.ShouldAllBe(j => j.KeyId == mine);
    }

    [Fact]
    public async Task Get_returns_null_when_the_job_does_not_exist()
    {
        await using var db = await NewDatabaseAsync();

        (await db.Jobs.GetAsync(Ids.New(Ids.JobPrefix, Now), Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Cancel_releases_the_hold_with_a_ledger_row_when_the_job_is_queued()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await SubmittedJobAsync(db, "1.00");

        var outcome = await db.Jobs.CancelAsync(job.Id, key, Now.AddSeconds(5), Token);

        var cancelled = outcome.ShouldBeOfType<CancelOutcome.Cancelled>().Job;
        cancelled.Status.ShouldBe(JobStatus.Cancelled);
        cancelled.CostState.ShouldBe(CostState.Released);
        cancelled.CompletedAt.ShouldBe(Now.AddSeconds(5));
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("1.00"), Money.Zero));
        var release = (await LedgerAsync(db.Keys, key))[0];
        (release.Kind, release.Amount, release.JobId, release.AvailableAfter).ShouldBe((
            LedgerKind.Release,
            Price,
            job.Id,
            Money.Parse("1.00")));
    }

    [Fact]
    public async Task Cancel_stops_the_worker_writing_back_when_the_job_is_processing()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await SubmittedJobAsync(db, "1.00");
        (await db.Jobs.ClaimAsync("worker-a", Now, Lease, 3, Token))!.Id.ShouldBe(job.Id);

        (await db.Jobs.CancelAsync(job.Id, key, Now, Token)).ShouldBeOfType<CancelOutcome.Cancelled>();

        (await db.Jobs.ReportProgressAsync(job.Id, "worker-a", 50, Now, Token)).ShouldBeFalse();
        (await db.Jobs.CompleteAsync(job.Id, "worker-a", Result(job.Id), Now, Token)).ShouldBeFalse();
        var final = (await db.Jobs.GetAsync(job.Id, Token))!;
        final.Status.ShouldBe(JobStatus.Cancelled);
        final.CostState.ShouldBe(CostState.Released);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("1.00"), Money.Zero));
    }

    [Fact]
    public async Task Cancel_changes_nothing_when_the_job_is_already_final()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await ClaimedJobAsync(db, "1.00");
        (await db.Jobs.CompleteAsync(job.Id, "worker-a", Result(job.Id), Now, Token)).ShouldBeTrue();

        var outcome = await db.Jobs.CancelAsync(job.Id, key, Now, Token);

        outcome.ShouldBeOfType<CancelOutcome.AlreadyFinal>().Job.Status.ShouldBe(JobStatus.Completed);
        (await db.Keys.GetBalanceAsync(key, Token)).ShouldBe(new Balance(Money.Parse("0.60"), Money.Zero));
    }

    [Fact]
    public async Task Cancel_finds_nothing_when_the_job_belongs_to_another_key()
    {
        await using var db = await NewDatabaseAsync();
        var owner = await CreateKeyAsync(db.Keys);
        var stranger = await CreateKeyAsync(db.Keys);
        var job = await SubmitAsync(db.Jobs, owner);

        (await db.Jobs.CancelAsync(job.Id, stranger, Now, Token)).ShouldBeOfType<CancelOutcome.NotFound>();
        (await db.Jobs.CancelAsync(Ids.New(Ids.JobPrefix, Now), owner, Now, Token)).ShouldBeOfType<CancelOutcome.NotFound>();
        (await db.Jobs.GetAsync(job.Id, Token))!.Status.ShouldBe(JobStatus.Queued);
    }

    [Fact]
    public async Task Cancel_and_complete_settle_once_when_they_race()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "10.00");
        var jobs = new List<Job>();
        for (var i = 0; i < 10; i++)
        {
            jobs.Add(await SubmitAsync(db.Jobs, key));
        }

        for (var i = 0; i < jobs.Count; i++)
        {
            await db.Jobs.ClaimAsync($"worker-{i}", Now, Lease, 3, Token);
        }

        var cancels = jobs.Select(j => Task.Run(() => db.Jobs.CancelAsync(j.Id, key, Now, Token), Token)).ToList();
        var completes = jobs.Select((j, i) => Task.Run(() => db.Jobs.CompleteAsync(j.Id, $"worker-{i}", Result(j.Id), Now, Token), Token))
            .ToList();
        var cancelled = await Task.WhenAll(cancels);
        var completed = await Task.WhenAll(completes);

        var charged = 0;
        foreach (var (job, i) in jobs.Select((j, i) => (j, i)))
        {
            var wasCancelled = cancelled[i] is CancelOutcome.Cancelled;
            (wasCancelled ^ completed[i]).ShouldBeTrue($"job {i}: exactly one of cancel and complete wins");
            charged += completed[i] ? 1 : 0;
            (await db.Jobs.GetAsync(job.Id, Token))!.CostState.ShouldBe(wasCancelled ? CostState.Released : CostState.Charged);
        }

        var balance = (await db.Keys.GetBalanceAsync(key, Token))!;
        balance.Held.ShouldBe(Money.Zero);
        balance.Available.ShouldBe(Money.Parse("10.00") - new Money(Price.Micros * charged));
        (await LedgerAsync(db.Keys, key)).Sum(r => r.Amount.Micros).ShouldBe(balance.Available.Micros);
    }

    public sealed class OnSqlite : ListAndCancelTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : ListAndCancelTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
