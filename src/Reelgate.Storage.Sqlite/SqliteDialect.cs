using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// SQLite in WAL mode. synchronous=NORMAL keeps every committed transaction through a process crash
/// (kill -9); only a power cut can lose the last commits. Writers take the lock at BEGIN (IMMEDIATE),
/// so two writers never deadlock on an upgrade. Within this process writers queue on an async gate
/// before BEGIN: SQLite's busy handler makes a waiting writer sleep and retry (up to 100 ms a nap),
/// which under many concurrent submits costs far more than the write itself. Writers in other
/// processes still meet the busy timeout.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001",
    Justification = "The gate's wait handle is never created, so the semaphore holds nothing to dispose; " +
                    "the dialect lives as long as the process.")]
public sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Connections that hold the write gate: a second transaction on one connection must not wait for itself.</summary>
    private readonly ConditionalWeakTable<DbConnection, object> _gateHolders = [];

    /// <summary>
    /// Database handles that have had their pragmas: the pool hands the same handle out again and again, and the
    /// settings stay with it, so they are set once per handle rather than as four statements per open.
    /// </summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];

    private const int ConfigMultiThread = 2;
    private const int ConfigMemStatus = 9;

    /// <summary>
    /// Set before the process's first connection opens (sqlite3_config refuses afterwards, and then nothing
    /// changes): a connection here is used by one caller at a time (the pool hands it out whole), so SQLite's
    /// per-connection mutexes are switched off (multi-thread mode), and so is its allocation accounting, which
    /// takes a global mutex around every allocation. A poll spent about a tenth of its CPU in those.
    /// </summary>
    static SqliteDialect()
    {
        SQLitePCL.Batteries_V2.Init();
        LibraryConfigured = SQLitePCL.raw.sqlite3_config(ConfigMultiThread) == SQLitePCL.raw.SQLITE_OK
            && SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0) == SQLitePCL.raw.SQLITE_OK;
    }

    /// <summary>Whether the settings above took effect (false when a connection had opened before).</summary>
    public static bool LibraryConfigured { get; }

    public SqliteDialect(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>
    /// The log's length (in pages) at which a committing writer copies it into the database itself: the safety net
    /// under <see cref="SqliteCheckpointer"/>, which keeps the log far shorter (SQLite's default is 1,000).
    /// </summary>
    public const int AutoCheckpointPages = 2 * SqliteCheckpointer.RestartPages;

    /// <summary>Holds every writer of this process at the gate until disposed (a checkpoint that restarts the log).</summary>
    internal async Task<IDisposable> HoldWritesAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        return new GateHold(_writeGate);
    }

    /// <summary>A connection of its own for the checkpointer: not pooled, so its handle and settings are its own.</summary>
    internal SqliteConnection OpenForCheckpoints()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 200;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private sealed class GateHold(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    public override string ClaimLockClause => string.Empty;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText =
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; " +
                    $"PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(handle, handle);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_gateHolders.TryGetValue(connection, out _))
        {
            await _writeGate.WaitAsync(cancellationToken);
            _gateHolders.Add(connection, connection);
            connection.StateChange += ReleaseGateOnClose;
        }

        try
        {
            return await ((SqliteConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
        }
        catch
        {
            await connection.CloseAsync();
            throw;
        }
    }

    /// <summary>The gate is held until the connection closes (every write transaction here lives in one connection's using).</summary>
    private void ReleaseGateOnClose(object? sender, StateChangeEventArgs change)
    {
        if (change.CurrentState != ConnectionState.Closed || sender is not DbConnection connection || !_gateHolders.Remove(connection))
        {
            return;
        }

        connection.StateChange -= ReleaseGateOnClose;
        _writeGate.Release();
    }

    internal override SubmissionRoundTrips Submissions { get; } = new SqliteSubmissionRoundTrips();

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };
}
