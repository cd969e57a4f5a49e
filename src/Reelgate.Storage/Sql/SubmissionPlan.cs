using Reelgate.Core.Jobs;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Sql;

/// <summary>
/// A batch's decisions, made in memory from the facts it read, in batch order, exactly as the submissions would
/// have been decided one after another: a key's later submission sees the earlier ones' holds, jobs in flight,
/// spend and idempotency keys. What it accepted is then written in one go (<see cref="SubmissionRoundTrips"/>).
/// </summary>
internal sealed class SubmissionPlan
{
    private SubmissionPlan(int count) => Outcomes = new SubmitOutcome[count];

    /// <summary>One outcome per submission, in the batch's order.</summary>
    public SubmitOutcome[] Outcomes { get; }

    public List<Job> NewJobs { get; } = [];

    public List<PlannedHold> Holds { get; } = [];

    public List<PlannedIdempotencyKey> NewIdempotencyKeys { get; } = [];

    public List<IdempotencyPurge> Purges { get; } = [];

    /// <summary>Each key's total held by the batch: one balance update per key.</summary>
    public Dictionary<string, long> HeldByKey { get; } = new(StringComparer.Ordinal);

    public static SubmissionPlan Decide(IReadOnlyList<JobSubmission> batch, SubmissionFacts facts)
    {
        var plan = new SubmissionPlan(batch.Count);
        var available = new Dictionary<string, long?>(facts.Available, StringComparer.Ordinal);
        var claimed = new Dictionary<(string, string), (string RequestHash, Job Job)>();
        for (var i = 0; i < batch.Count; i++)
        {
            plan.Outcomes[i] = plan.Decide(batch[i], facts, available, claimed);
        }

        return plan;
    }

    private SubmitOutcome Decide(
        JobSubmission submission,
        SubmissionFacts facts,
        Dictionary<string, long?> available,
        Dictionary<(string, string), (string RequestHash, Job Job)> claimed)
    {
        var job = submission.Job;
        if (submission.IdempotencyKey is { } idempotencyKey)
        {
            // An expired key is deleted before it is stored anew; the batch holds the key's row, so none appears meanwhile.
            var cutoff = UnixTime.Ms(submission.IdempotencyCutoff);
            if (facts.Earlier.TryGetValue((job.KeyId, idempotencyKey), out var stored) && stored.CreatedAt < cutoff)
            {
                Purges.Add(new IdempotencyPurge(job.KeyId, idempotencyKey, cutoff));
            }

            if (Replay(submission, idempotencyKey, facts, claimed) is { } replay)
            {
                return replay;
            }
        }

        if (RefuseOverLimits(submission, facts) is { } refused)
        {
            return refused;
        }

        var before = available.GetValueOrDefault(job.KeyId);
        if (before is null)
        {
            return new SubmitOutcome.KeyUnavailable();
        }

        if (before.Value < job.Price.Micros)
        {
            return new SubmitOutcome.InsufficientCredits(job.Price, new Money(before.Value));
        }

        var after = before.Value - job.Price.Micros;
        available[job.KeyId] = after;
        HeldByKey[job.KeyId] = HeldByKey.GetValueOrDefault(job.KeyId) + job.Price.Micros;
        var createdAt = UnixTime.Ms(job.CreatedAt);
        Holds.Add(new PlannedHold(Ids.New(Ids.LedgerPrefix, job.CreatedAt), job.KeyId, job.Price.Micros, job.Id, after, createdAt));
        NewJobs.Add(job);
        var accepted = job with { Version = 1 };
        if (submission.IdempotencyKey is { } key)
        {
            NewIdempotencyKeys.Add(new PlannedIdempotencyKey(job.KeyId, key, submission.RequestHash ?? "", job.Id, createdAt));
            claimed[(job.KeyId, key)] = (submission.RequestHash ?? "", accepted);
        }

        return new SubmitOutcome.Accepted(accepted);
    }

    /// <summary>The earlier job of this idempotency key, stored before the batch or accepted earlier in it.</summary>
    private static SubmitOutcome? Replay(
        JobSubmission submission,
        string idempotencyKey,
        SubmissionFacts facts,
        Dictionary<(string, string), (string RequestHash, Job Job)> claimed)
    {
        string hash;
        string jobId;
        Job? job;
        if (claimed.TryGetValue((submission.Job.KeyId, idempotencyKey), out var inBatch))
        {
            (hash, jobId, job) = (inBatch.RequestHash, inBatch.Job.Id, inBatch.Job);
        }
        else if (facts.Earlier.TryGetValue((submission.Job.KeyId, idempotencyKey), out var stored)
                 && stored.CreatedAt >= UnixTime.Ms(submission.IdempotencyCutoff))
        {
            (hash, jobId, job) = (stored.RequestHash, stored.JobId, stored.Job);
        }
        else
        {
            return null;
        }

        if (!string.Equals(hash, submission.RequestHash, StringComparison.Ordinal))
        {
            return new SubmitOutcome.IdempotencyMismatch(jobId);
        }

        return job is null ? null : new SubmitOutcome.Replayed(job);
    }

    private SubmitOutcome? RefuseOverLimits(JobSubmission submission, SubmissionFacts facts)
    {
        var job = submission.Job;
        var limits = submission.Limits;
        if (limits.JobsInFlight is { } maxInFlight)
        {
            var inFlight = facts.InFlight.GetValueOrDefault(job.KeyId) + NewJobs.Count(j => KeyIs(j, job.KeyId));
            if (inFlight >= maxInFlight)
            {
                return new SubmitOutcome.TooManyInFlight(maxInFlight);
            }
        }

        if (limits.SpendPerDay is { } maxSpend)
        {
            var since = UnixTime.Ms(submission.SpendDayStart);
            var spent = facts.Spent.GetValueOrDefault((job.KeyId, since))
                + NewJobs.Where(j => KeyIs(j, job.KeyId) && UnixTime.Ms(j.CreatedAt) >= since).Sum(j => j.Price.Micros);
            if (spent + job.Price.Micros > maxSpend.Micros)
            {
                return new SubmitOutcome.DailySpendExceeded(maxSpend, new Money(spent));
            }
        }

        return null;
    }

    private static bool KeyIs(Job job, string keyId) => string.Equals(job.KeyId, keyId, StringComparison.Ordinal);
}
