using System.Data.Common;
using Reelgate.Core.Jobs;

namespace Reelgate.Storage.Sql;

/// <summary>
/// How one backend reads a batch's facts and writes its plan, inside the write transaction the batcher opened:
/// the reads first take the batch's key rows (in key order), so the facts stay true until the commit.
/// </summary>
internal abstract class SubmissionRoundTrips
{
    public abstract Task<SubmissionFacts> ReadAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<JobSubmission> batch, CancellationToken cancellationToken);

    /// <summary>Writes what the plan accepted and commits the transaction: the batch's callers are answered after this.</summary>
    public abstract Task WriteAndCommitAsync(
        DbConnection connection, DbTransaction transaction, SubmissionPlan plan, CancellationToken cancellationToken);
}
