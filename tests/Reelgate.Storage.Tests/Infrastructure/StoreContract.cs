using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>
/// The base of every contract test class: the tests are written once against <see cref="TestDatabase"/>,
/// and each backend is a nested subclass that says where its databases come from.
/// </summary>
public abstract class StoreContract
{
    /// <summary>A fresh, migrated database for one test (skips the test when its backend is not available).</summary>
    protected abstract Task<TestDatabase> NewDatabaseAsync();

    protected static Task<TestDatabase> SqliteAsync() => Backends.SqliteAsync(Token);

    protected static Task<TestDatabase> PostgresAsync() => Backends.PostgresAsync(Token);

    /// <summary>The usual start of a job test: a key with the credits given and one queued job of it at the usual price.</summary>
    protected static async Task<(string Key, Job Job)> SubmittedJobAsync(TestDatabase db, string credits = "100.00")
    {
        var key = await CreateKeyAsync(db.Keys, credits);
        return (key, await SubmitAsync(db.Jobs, key));
    }

    /// <summary>As <see cref="SubmittedJobAsync"/>, then claimed by the worker at <see cref="StoreData.Now"/> for one lease.</summary>
    protected static async Task<(string Key, Job Job)> ClaimedJobAsync(
        TestDatabase db, string credits = "100.00", string worker = "worker-a")
    {
        var (key, job) = await SubmittedJobAsync(db, credits);
        await db.Jobs.ClaimAsync(worker, Now, Lease, 3, Token);
        return (key, job);
    }

    /// <summary>Submits a new job of the key under the idempotency key and asserts it was accepted.</summary>
    protected static async Task<Job> SubmitOnceAsync(IJobStore jobs, string key, string idempotencyKey) =>
        (await jobs.SubmitAsync(Submission(NewJob(key), idempotencyKey: idempotencyKey), Token))
            .ShouldBeOfType<SubmitOutcome.Accepted>().Job;
}
