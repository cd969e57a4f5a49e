using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;
using Reelgate.Core.Ports;
using Reelgate.Core.Validation;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>Keys, jobs and submissions as the server would hand them to the stores.</summary>
public static class StoreData
{
    /// <summary>A fixed "now" for the tests; stores take the time as an argument.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    public static readonly Money Price = Money.Parse("0.40");

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Stores a key with the credits given; returns its id.</summary>
    public static async Task<string> CreateKeyAsync(
        IKeyStore keys, string credits = "100.00", KeyLimits? limits = null, bool admin = false, DateTimeOffset? at = null, int weight = 1)
    {
        var now = at ?? Now;
        var secret = KeySecrets.NewKey();
        var key = new ApiKey(
            Ids.New(Ids.KeyPrefix, now),
            "test key",
            KeySecrets.DisplayPrefix(secret),
            null,
            admin,
            now,
            null,
            limits ?? KeyLimits.None)
        {
            Weight = weight,
        };
        await keys.CreateAsync(new NewApiKey(key, KeySecrets.Hash(secret), Money.Parse(credits)), now, Token);
        return key.Id;
    }

    public static GenerationSpec Spec(string prompt = "a red fox in the snow") =>
        new("pixverse-v5-6", prompt, GenerationSpec.TextToVideo, "360p", "16:9", 5, false, null, null, "none", "auto", null, 42, null,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["case"] = "storage" });

    public static Job NewJob(
        string keyId,
        Money? price = null,
        DateTimeOffset? at = null,
        GenerationSpec? spec = null,
        IReadOnlyList<JobInput>? inputs = null)
    {
        var now = at ?? Now;
        return Job.Queued(Ids.New(Ids.JobPrefix, now), keyId, now, spec ?? Spec(), price ?? Price) with { Inputs = inputs ?? [] };
    }

    public static JobSubmission Submission(
        Job job, KeyLimits? limits = null, string? idempotencyKey = null, string requestHash = "hash-a") =>
        new(job, limits ?? KeyLimits.None, idempotencyKey, idempotencyKey is null ? null : requestHash,
            job.CreatedAt - TimeSpan.FromHours(24), new DateTimeOffset(job.CreatedAt.UtcDateTime.Date, TimeSpan.Zero));

    /// <summary>Submits a new job for the key and asserts it was accepted.</summary>
    public static async Task<Job> SubmitAsync(IJobStore jobs, string keyId, Money? price = null, DateTimeOffset? at = null)
    {
        var outcome = await jobs.SubmitAsync(Submission(NewJob(keyId, price, at)), Token);
        return outcome.ShouldBeOfType<SubmitOutcome.Accepted>().Job;
    }

    public static JobResult Result(string jobId) =>
        new([new JobOutput(JobOutput.VideoType, null, $"outputs/{jobId}/1/video.mp4", "video/mp4", 640, 360, 5.0, 24, false, 123456)],
            "a plan", "local");

    /// <summary>Every ledger row of the key, newest first, read through the paging API.</summary>
    public static async Task<List<LedgerEntry>> LedgerAsync(IKeyStore keys, string keyId)
    {
        var rows = new List<LedgerEntry>();
        string? after = null;
        do
        {
            var page = (await keys.ListLedgerAsync(keyId, 100, after, Token))!;
            rows.AddRange(page.Items);
            after = page.NextCursor;
        }
        while (after is not null);
        return rows;
    }
}
