using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file in the background. Left to SQLite, the commit that takes the
/// log past 1,000 pages copies it all before it returns: under steady submits that was a 14 ms stall about fifteen
/// times a second, a third of the submission batch's time and most of its p99 (docs/benchmarks.md). Here a passive
/// checkpoint every <see cref="Interval"/> copies what the log holds while writers go on; once the log is
/// <see cref="RestartPages"/> long, writers wait at the gate while the few pages written since the last pass are
/// copied, so that the next write starts the log over instead of growing it (SQLite starts it over when a writer
/// finds it all copied and no reader on it).
/// </summary>
public sealed partial class SqliteCheckpointer(SqliteDialect dialect, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>16 MiB of 4 KiB pages: how long the log grows before writers pause to let it start over.</summary>
    public const int RestartPages = 4096;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private SqliteConnection? _connection;

    /// <summary>One pass; what it found, for tests and logs.</summary>
    public async Task<CheckpointPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        _connection ??= dialect.OpenForCheckpoints();
        var pass = CheckpointPassively();
        if (pass.LogPages < RestartPages)
        {
            return pass;
        }

        using (await dialect.HoldWritesAsync(cancellationToken))
        {
            // Passive here too: waiting for a slow reader (a count over a long queue) would hold every writer with it.
            // A reader still on older pages leaves the rest for the next pass, and the log grows until then.
            return CheckpointPassively() with { WritersHeld = true };
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var pass = await RunOnceAsync(stoppingToken);
                    if (pass.WritersHeld && pass.CopiedPages < pass.LogPages)
                    {
                        LogReaders(logger, pass.LogPages);
                    }
                }
                catch (SqliteException e)
                {
                    // A failed pass loses nothing: the log keeps every page, and the writers' own checkpoint is the safety net.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        base.Dispose();
    }

    private CheckpointPass CheckpointPassively()
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new CheckpointPass(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2), WritersHeld: false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "WAL checkpoint left pages a reader still uses; the log holds {Pages} pages")]
    private static partial void LogReaders(ILogger logger, long pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; the log keeps growing until one succeeds")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
