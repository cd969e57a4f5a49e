using System.Data.Common;

namespace Reelgate.Storage.Sql;

/// <summary>
/// What differs between the SQL backends. The statements themselves are shared: both SQLite (3.35+) and
/// PostgreSQL speak UPDATE ... RETURNING and ON CONFLICT; only locking and error codes differ.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>Appended to the claim's inner SELECT: "FOR UPDATE SKIP LOCKED" on PostgreSQL, nothing on SQLite (one writer).</summary>
    public abstract string ClaimLockClause { get; }

    /// <summary>
    /// Appended to a SELECT of one row that the transaction is about to change, to queue concurrent writers
    /// of that row behind each other: "FOR NO KEY UPDATE" on PostgreSQL, nothing on SQLite (BEGIN IMMEDIATE
    /// already serialises every writer).
    /// </summary>
    public virtual string RowLockClause => string.Empty;

    /// <summary>Opens a connection ready for use (pragmas set, pooled).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// True when a connection holds nothing between its transactions, so the submission leader keeps one for every
    /// batch it runs in a row (<see cref="LeaderConnection"/>). False on SQLite, where a connection holds the
    /// process's write gate until it closes.
    /// </summary>
    public virtual bool KeepsConnectionBetweenBatches => false;

    /// <summary>How a batch of submissions reads its facts and writes its decisions on this backend.</summary>
    internal abstract SubmissionRoundTrips Submissions { get; }

    /// <summary>True when the exception is a unique-constraint violation (a lost race on an insert).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// Run at the start of the transaction of a background read (the gauges' counts) so that it stays on one core: on
    /// PostgreSQL a count over a long table otherwise takes parallel workers, every core of a small machine at once,
    /// and stalls the requests beside it. Null when the backend needs nothing (SQLite reads on the calling thread).
    /// </summary>
    public virtual string? BackgroundReadSetting => null;

    /// <summary>Runs before migrations so that only one process migrates at a time.</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
