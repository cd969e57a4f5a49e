using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;
using Reelgate.Storage.Postgres;

namespace Reelgate.Storage.Tests.Postgres;

/// <summary>
/// LISTEN/NOTIFY: a change committed through any connection (as another node's) reaches the listener with
/// the job id and status; a write-back that changes nothing announces nothing; an insert of new jobs, however many,
/// is announced once, without ids.
/// </summary>
public sealed class JobChangeListenerTests
{
    [Fact]
    public async Task Listener_hears_one_announcement_for_a_batch_of_new_jobs_then_each_change_in_order()
    {
        await using var db = await Backends.PostgresAsync(Token);
        var heard = new HeardChanges();
        using var listener = new PostgresJobChangeListener(
            (PostgresDialect)db.Dialect,
            [heard],
            TimeProvider.System,
            NullLogger<PostgresJobChangeListener>.Instance);
        await listener.StartAsync(Token);
        try
        {
            await listener.Listening.WaitAsync(TimeSpan.FromSeconds(30), Token);
            var key = await CreateKeyAsync(db.Keys, "10.00");
            var batch = await db.Jobs.SubmitTogetherAsync(
                [Submission(NewJob(key)), Submission(NewJob(key)), Submission(NewJob(key))], Token);
            batch.ShouldAllBe(outcome => outcome is SubmitOutcome.Accepted);
            var job = ((SubmitOutcome.Accepted)batch[0]).Job;
            await db.Jobs.ClaimAsync("worker-a", Now, Lease, 3, Token);
            (await db.Jobs.ReportProgressAsync(job.Id, "worker-b", 10, Now, Token)).ShouldBeFalse();
            (await db.Jobs.RenewLeaseAsync(job.Id, "worker-a", Now + Lease, Token)).ShouldBeTrue();
            await db.Jobs.ReportProgressAsync(job.Id, "worker-a", 40, Now, Token);
            await db.Jobs.CompleteAsync(job.Id, "worker-a", Result(job.Id), Now, Token);

            var changes = await heard.TakeAsync(4);

            changes.ShouldBe([(null, "queued"), (job.Id, "processing"), (job.Id, "processing"), (job.Id, "completed")]);
        }
        finally
        {
            await listener.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>What the listener passed on, in order.</summary>
    private sealed class HeardChanges : IJobChangeObserver
    {
        private readonly Channel<(string? JobId, string Status)> _changes = Channel.CreateUnbounded<(string?, string)>();

        public void OnJobChanged(string jobId, string status) => _changes.Writer.TryWrite((jobId, status));

        public void OnJobsQueued() => _changes.Writer.TryWrite((null, "queued"));

        public void OnListening()
        {
        }

        public void OnListenerLost()
        {
        }

        public async Task<List<(string? JobId, string Status)>> TakeAsync(int count)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            var taken = new List<(string?, string)>();
            while (taken.Count < count)
            {
                taken.Add(await _changes.Reader.ReadAsync(deadline.Token));
            }

            return taken;
        }
    }
}
