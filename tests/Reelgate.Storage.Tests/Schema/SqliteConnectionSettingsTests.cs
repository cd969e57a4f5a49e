using Dapper;
using Reelgate.Storage.Sqlite;

namespace Reelgate.Storage.Tests.Schema;

/// <summary>
/// The SQLite dialect sets its pragmas once per database handle, not on every open: every connection it hands
/// out, new or reused from the pool, must still carry them (a write without busy_timeout or foreign keys
/// would fail or corrupt silently), and the library is configured for connections used one caller at a time.
/// </summary>
public sealed class SqliteConnectionSettingsTests : StoreContract
{
    [Fact]
    public async Task Every_connection_has_the_pragmas_whether_new_or_reused()
    {
        await using var db = await NewDatabaseAsync();

        // Several handles at once (the pool makes new ones), then the same handles again from the pool.
        for (var round = 0; round < 3; round++)
        {
            var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.Dialect.OpenAsync(Token)));
            try
            {
                foreach (var connection in connections)
                {
                    (await Pragma<string>(connection, "journal_mode")).ShouldBe("wal");
                    (await Pragma<long>(connection, "synchronous")).ShouldBe(1); // NORMAL
                    (await Pragma<long>(connection, "foreign_keys")).ShouldBe(1);
                    (await Pragma<long>(connection, "busy_timeout")).ShouldBe(30000);
                    (await Pragma<long>(connection, "wal_autocheckpoint")).ShouldBe(SqliteDialect.AutoCheckpointPages);
                }
            }
            finally
            {
                foreach (var connection in connections)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task The_library_runs_in_multi_thread_mode_and_connections_still_work_side_by_side()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "5.00");
        var job = await SubmitAsync(db.Jobs, key);

        // Every connection goes through the dialect, whose static constructor configures SQLite before the first
        // open: false here would mean something opened SQLite first and the per-connection mutexes are back.
        SqliteDialect.LibraryConfigured.ShouldBeTrue();
        var reads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                (await db.Jobs.GetAsync(job.Id, Token)).ShouldNotBeNull();
            }

            return true;
        }, Token)));
        reads.ShouldAllBe(ok => ok);
    }

    protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();

    private static Task<T> Pragma<T>(System.Data.Common.DbConnection connection, string name) =>
        connection.QuerySingleAsync<T>(new CommandDefinition($"PRAGMA {name}", cancellationToken: Token));
}
