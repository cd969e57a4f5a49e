using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Reelgate.Storage.Sqlite;

namespace Reelgate.Storage.Tests.Schema;

/// <summary>
/// The write-ahead log is copied into the database by the background checkpointer, not by the commit that makes it
/// long: the log starts over once it reaches <see cref="SqliteCheckpointer.RestartPages"/>, long before the writers'
/// own threshold, and nothing written is lost on the way. Real SQLite files; the pages are 4 KiB rows.
/// </summary>
public sealed class SqliteCheckpointerTests : StoreContract
{
    private const int RowsPerTransaction = 50;
    private const long PageBytes = 4096;

    [Fact]
    public async Task Under_steady_writes_the_log_starts_over_in_the_background_and_stays_short()
    {
        await using var db = await NewDatabaseAsync();
        var dialect = (SqliteDialect)db.Dialect;
        await using var held = await CreateFillerAsync(dialect);
        using var checkpointer = new SqliteCheckpointer(dialect, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(Token);

        // Three times the writers' own threshold: without the checkpointer the log grows to that threshold (8,192
        // pages, 32 MiB) before anything copies it, and its file keeps that size.
        var log = new FileInfo(dialect.DatabasePath + "-wal");
        long written = 0, longest = 0;
        while (written < 3 * SqliteDialect.AutoCheckpointPages)
        {
            written += await WriteRowsAsync(dialect, RowsPerTransaction);
            log.Refresh();
            longest = Math.Max(longest, log.Length);

            // Paced at most ten thousand pages a second (a busy server writes a few thousand): a writer with no pause
            // on a machine busy with other tests can outrun any background pass.
            await Task.Delay(5, Token);
        }

        await checkpointer.StopAsync(Token);

        longest.ShouldBeLessThan(SqliteDialect.AutoCheckpointPages * PageBytes);
        await using var connection = await dialect.OpenAsync(Token);
        (await connection.QuerySingleAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM filler", cancellationToken: Token)))
            .ShouldBe(written);
        (await connection.QuerySingleAsync<string>(new CommandDefinition("PRAGMA quick_check", cancellationToken: Token)))
            .ShouldBe("ok");
    }

    [Fact]
    public async Task A_pass_copies_a_short_log_while_writers_go_on_and_restarts_a_long_one()
    {
        await using var db = await NewDatabaseAsync();
        var dialect = (SqliteDialect)db.Dialect;
        await using var held = await CreateFillerAsync(dialect);
        using var checkpointer = new SqliteCheckpointer(dialect, NullLogger<SqliteCheckpointer>.Instance);

        await WriteRowsAsync(dialect, 100);
        var shortLog = await checkpointer.RunOnceAsync(Token);
        shortLog.WritersHeld.ShouldBeFalse();
        shortLog.Busy.ShouldBeFalse();
        shortLog.CopiedPages.ShouldBe(shortLog.LogPages);
        shortLog.LogPages.ShouldBeGreaterThanOrEqualTo(100);

        // The pass above copied the whole log, so the next write started it over: this one is counted from there.
        var rows = 0L;
        while (rows < SqliteCheckpointer.RestartPages + 100)
        {
            rows += await WriteRowsAsync(dialect, 500);
        }

        var longLog = await checkpointer.RunOnceAsync(Token);
        longLog.WritersHeld.ShouldBeTrue();
        longLog.LogPages.ShouldBeGreaterThanOrEqualTo(SqliteCheckpointer.RestartPages);
        longLog.CopiedPages.ShouldBe(longLog.LogPages);

        // The next write starts the log over from its first page.
        await WriteRowsAsync(dialect, 1);
        (await checkpointer.RunOnceAsync(Token)).LogPages.ShouldBeLessThan(10);
    }

    protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();

    /// <summary>
    /// Makes the table, and returns its connection for the test to hold: other tests clear every pool, and when a
    /// database's last connection closes SQLite copies the log in and deletes it.
    /// </summary>
    private static async Task<DbConnection> CreateFillerAsync(SqliteDialect dialect)
    {
        var connection = await dialect.OpenAsync(Token);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)", cancellationToken: Token));
        return connection;
    }

    /// <summary>Rows of 4,000 random bytes (a page each) in one write transaction; returns how many.</summary>
    private static async Task<long> WriteRowsAsync(SqliteDialect dialect, int rows)
    {
        await using var connection = await dialect.OpenAsync(Token);
        await using DbTransaction transaction = await dialect.BeginWriteAsync(connection, Token);
        for (var i = 0; i < rows; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO filler (bytes) VALUES (@Bytes)", new { Bytes = Random.Shared.GetItems<byte>([1, 2, 3, 4, 5, 6, 7], 4000) },
                transaction, cancellationToken: Token));
        }

        await transaction.CommitAsync(Token);
        return rows;
    }
}
