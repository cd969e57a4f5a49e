using System.Collections.Concurrent;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>Claims and leases: oldest first, each job to one worker, expired leases taken over, write-backs only by the owner.</summary>
public abstract class ClaimTests : StoreContract
{
    [Fact]
    public async Task Claim_takes_the_oldest_queued_job_and_sets_the_lease_when_jobs_wait()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys);
        var first = await SubmitAsync(db.Jobs, key);
        await SubmitAsync(db.Jobs, key);

        var claimed = (await db.Jobs.ClaimAsync("worker-a", Now.AddSeconds(1), Lease, 3, Token))!;

        claimed.Id.ShouldBe(first.Id);
        claimed.Status.ShouldBe(JobStatus.Processing);
        claimed.LeaseOwner.ShouldBe("worker-a");
        claimed.LeaseExpiresAt.ShouldBe(Now.AddSeconds(1) + Lease);
        claimed.Attempts.ShouldBe(1);
        claimed.StartedAt.ShouldBe(Now.AddSeconds(1));
        claimed.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Claim_returns_null_when_nothing_is_claimable()
    {
        await using var db = await NewDatabaseAsync();
        await ClaimedJobAsync(db);

        (await db.Jobs.ClaimAsync("worker-b", Now + Lease / 2, Lease, 3, Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_gives_each_job_to_exactly_one_worker_when_eight_claimers_race_over_200_jobs()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1000.00");
        var submitted = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 200; i++)
        {
            submitted.Add((await SubmitAsync(db.Jobs, key)).Id);
        }

        var claims = new ConcurrentBag<(string Worker, string JobId)>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var worker = $"worker-{w}";
            while (await db.Jobs.ClaimAsync(worker, Now, Lease, 3, Token) is { } job)
            {
                job.LeaseOwner.ShouldBe(worker);
                claims.Add((worker, job.Id));
            }
        }, Token)));

        claims.Count.ShouldBe(200);
        claims.Select(c => c.JobId).ToHashSet(StringComparer.Ordinal).SetEquals(submitted).ShouldBeTrue();
        claims.Select(c => c.Worker).Distinct().Count().ShouldBeGreaterThan(1);
        foreach (var (worker, jobId) in claims)
        {
            var job = (await db.Jobs.GetAsync(jobId, Token))!;
            (job.LeaseOwner, job.Attempts).ShouldBe((worker, 1));
        }
    }

    [Fact]
    public async Task Claim_takes_over_the_job_when_its_lease_expired()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await ClaimedJobAsync(db, worker: "worker-dead");

        var takenOver = (await db.Jobs.ClaimAsync("worker-b", Now + Lease + TimeSpan.FromMilliseconds(1), Lease, 3, Token))!;

        takenOver.Id.ShouldBe(job.Id);
        takenOver.LeaseOwner.ShouldBe("worker-b");
        takenOver.Attempts.ShouldBe(2);
        takenOver.StartedAt.ShouldBe(Now);
    }

    [Fact]
    public async Task Write_backs_are_refused_when_the_lease_went_to_another_worker()
    {
        await using var db = await NewDatabaseAsync();
        var (key, job) = await ClaimedJobAsync(db, "1.00", "worker-old");
        var later = Now + Lease + TimeSpan.FromSeconds(1);
        await db.Jobs.ClaimAsync("worker-new", later, Lease, 3, Token);

        (await db.Jobs.RenewLeaseAsync(job.Id, "worker-old", later + Lease, Token)).ShouldBeFalse();
        (await db.Jobs.ReportProgressAsync(job.Id, "worker-old", 70, later, Token)).ShouldBeFalse();
        (await db.Jobs.SaveCheckpointAsync(job.Id, "worker-old", "local", "x", later, Token)).ShouldBeFalse();
        (await db.Jobs.CompleteAsync(job.Id, "worker-old", Result(job.Id), later, Token)).ShouldBeFalse();
        (await db.Jobs.FailAsync(job.Id, "worker-old", new JobError("engine_error", "boom"), later, Token)).ShouldBeFalse();
        (await db.Jobs.ReleaseAsync(job.Id, "worker-old", JobRelease.Retry(null), later, Token)).ShouldBeFalse();

        var current = (await db.Jobs.GetAsync(job.Id, Token))!;
        (current.Status, current.LeaseOwner, current.Progress, current.Checkpoint).ShouldBe((
            JobStatus.Processing,
            "worker-new",
            0,
            (string?)null));
        (await db.Keys.GetBalanceAsync(key, Token))!.Held.ShouldBe(Price);
        (await db.Jobs.CompleteAsync(job.Id, "worker-new", Result(job.Id), later, Token)).ShouldBeTrue();
    }

    [Fact]
    public async Task Renew_keeps_the_job_from_other_workers_when_the_owner_renews_in_time()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await ClaimedJobAsync(db);

        (await db.Jobs.RenewLeaseAsync(job.Id, "worker-a", Now + Lease * 2, Token)).ShouldBeTrue();

        (await db.Jobs.ClaimAsync("worker-b", Now + Lease + TimeSpan.FromSeconds(1), Lease, 3, Token)).ShouldBeNull();
        (await db.Jobs.GetAsync(job.Id, Token))!.LeaseExpiresAt.ShouldBe(Now + Lease * 2);
    }

    [Fact]
    public async Task Progress_and_checkpoint_are_stored_when_the_owner_writes_them()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await ClaimedJobAsync(db);

        (await db.Jobs.ReportProgressAsync(job.Id, "worker-a", 150, Now, Token)).ShouldBeTrue();
        (await db.Jobs.SaveCheckpointAsync(job.Id, "worker-a", "upstream", "task-42", Now, Token)).ShouldBeTrue();

        var stored = (await db.Jobs.GetAsync(job.Id, Token))!;
        (stored.Progress, stored.Engine, stored.Checkpoint, stored.Version).ShouldBe((99, "upstream", "task-42", 3L));
    }

    [Fact]
    public async Task Release_requeues_without_counting_the_attempt_when_asked_not_to()
    {
        await using var db = await NewDatabaseAsync();
        var (_, job) = await ClaimedJobAsync(db);

        (await db.Jobs.ReleaseAsync(job.Id, "worker-a", JobRelease.HandBack(3), Now, Token)).ShouldBeTrue();

        var queued = (await db.Jobs.GetAsync(job.Id, Token))!;
        (queued.Status, queued.Attempts, queued.LeaseOwner).ShouldBe((JobStatus.Queued, 0, (string?)null));
        (await db.Jobs.ClaimAsync("worker-b", Now, Lease, 3, Token))!.Attempts.ShouldBe(1);
        (await db.Jobs.ReleaseAsync(job.Id, "worker-b", JobRelease.Retry(null), Now, Token)).ShouldBeTrue();
        (await db.Jobs.GetAsync(job.Id, Token))!.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Claim_skips_the_job_when_its_attempts_are_used_up()
    {
        await using var db = await NewDatabaseAsync();
        await SubmittedJobAsync(db);
        var at = Now;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            (await db.Jobs.ClaimAsync($"worker-{attempt}", at, Lease, 2, Token))!.Attempts.ShouldBe(attempt);
            at += Lease + TimeSpan.FromSeconds(1);
        }

        (await db.Jobs.ClaimAsync("worker-3", at, Lease, 2, Token)).ShouldBeNull();
    }

    public sealed class OnSqlite : ClaimTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : ClaimTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
