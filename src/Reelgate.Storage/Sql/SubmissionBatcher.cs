using System.Collections.Concurrent;
using System.Data.Common;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>
/// Group commit for submissions: concurrent submissions on this node share one write transaction instead
/// of queueing for the write lock one by one. Each caller queues its submission and waits for its own answer;
/// one leader at a time takes everything queued (up to <see cref="MaxBatch"/>) and runs it in one transaction:
/// the batch's facts read in one go (<see cref="SubmissionRoundTrips.ReadAsync"/>), every decision made in memory
/// in batch order (<see cref="SubmissionPlan"/>), what was accepted written in one go, one commit; then it answers
/// every caller in the batch and takes the next batch, until the queue is empty, on one connection where the backend
/// allows (<see cref="LeaderConnection"/>). A submission is answered only
/// after the commit that holds it, so an accepted job is durable as before. When any submission in a batch throws
/// (a lost race on a unique key, a broken connection), the batch is rolled back and each of its
/// submissions runs again in a transaction of its own, so an error reaches only the caller it belongs to.
/// Batches take the key rows in key order, so two nodes' batches never wait on each other in a cycle.
/// </summary>
internal sealed class SubmissionBatcher(SqlDialect dialect)
{
    public const int MaxBatch = 64;

    private readonly ConcurrentQueue<Pending> _queue = new();

    /// <summary>1 while a leader runs. Callers used to take turns at a lock to lead, and a batch's callers then
    /// passed it along one by one only to find their answers there: a thread-pool hop each, in series.</summary>
    private int _leading;

    public Task<SubmitOutcome> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var pending = new Pending(submission, cancellationToken);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            // On the pool, so that this caller is answered when its batch is, not when the queue runs dry, and
            // without the caller's context (its request's trace and locals are not the batch's).
            ThreadPool.UnsafeQueueUserWorkItem(static batcher => _ = batcher.LeadAsync(), this, preferLocal: false);
        }

        // A caller cancelled before its batch is left out of it and answered as cancelled (TakeBatch); once in a
        // batch it is answered when the batch commits or fails.
        return pending.Answer.Task;
    }

    /// <summary>Batches until the queue is empty; a submission queued as the leader stops starts the next one.</summary>
    private async Task LeadAsync()
    {
        do
        {
            var connection = new LeaderConnection(dialect);
            try
            {
                while (!_queue.IsEmpty)
                {
                    await RunAsync(TakeBatch(), connection);
                }
            }
            finally
            {
                // Whatever happens, the next submission can lead: a leadership never given back would stall every submit.
                // The kept connection goes back after: a leader that starts meanwhile opens its own.
                Volatile.Write(ref _leading, 0);
                await connection.DisposeAsync();
            }
        }
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _leading, 1, 0) == 0);
    }

    private List<Pending> TakeBatch()
    {
        var batch = new List<Pending>(MaxBatch);
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
        {
            // A caller that gave up before its turn is not submitted for it.
            if (next.CallerToken.IsCancellationRequested)
            {
                next.Answer.TrySetCanceled(next.CallerToken);
                continue;
            }

            batch.Add(next);
        }

        // Stable: one key's submissions keep their order.
        return [.. batch.OrderBy(p => p.Submission.Job.KeyId, StringComparer.Ordinal)];
    }

    private async Task RunAsync(List<Pending> batch, LeaderConnection connection)
    {
        if (batch.Count == 0)
        {
            return;
        }

        SubmitOutcome[] outcomes;
        try
        {
            // The batch is not cancelled by any one caller: their submissions share the transaction.
            var submissions = batch.ConvertAll(p => p.Submission);
            outcomes = await connection.RunAsync(
                c => RunInTransactionAsync(submissions, c, CancellationToken.None), CancellationToken.None);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var one in batch)
            {
                await RunAsync([one], connection);
            }

            return;
        }
        catch (Exception e)
        {
            batch[0].Answer.TrySetException(e);
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Answer.TrySetResult(outcomes[i]);
        }
    }

    /// <summary>The submissions as one transaction, in the order given; outcomes in the same order.</summary>
    internal async Task<SubmitOutcome[]> RunTogetherAsync(IReadOnlyList<JobSubmission> submissions, CancellationToken cancellationToken)
    {
        await using var connection = new LeaderConnection(dialect);
        return await connection.RunAsync(c => RunInTransactionAsync(submissions, c, cancellationToken), cancellationToken);
    }

    private async Task<SubmitOutcome[]> RunInTransactionAsync(
        IReadOnlyList<JobSubmission> submissions, DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, cancellationToken);
        var facts = await dialect.Submissions.ReadAsync(connection, transaction, submissions, cancellationToken);
        var plan = SubmissionPlan.Decide(submissions, facts);
        await dialect.Submissions.WriteAndCommitAsync(connection, transaction, plan, cancellationToken);
        return plan.Outcomes;
    }

    private sealed record Pending(JobSubmission Submission, CancellationToken CallerToken)
    {
        public TaskCompletionSource<SubmitOutcome> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
