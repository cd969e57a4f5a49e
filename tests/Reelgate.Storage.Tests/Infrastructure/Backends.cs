using Microsoft.Extensions.Time.Testing;
using Reelgate.Storage.Migrations;
using Reelgate.Storage.Postgres;
using Reelgate.Storage.Sqlite;
using Reelgate.Testing;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>
/// Where the contract suite's databases come from: a SQLite file in a temp folder, or a throwaway database
/// on the PostgreSQL server named by REELGATE_TEST_POSTGRES (scripts/test.sh always starts one). Without
/// that variable the PostgreSQL tests are skipped, with the reason, never passed silently.
/// </summary>
public static class Backends
{
    public static async Task<TestDatabase> SqliteAsync(CancellationToken cancellationToken)
    {
        var folder = new TempDirectory("sqlite");
        var dialect = new SqliteDialect(folder.File("reelgate.db"));
        var migrations = Migration.FromResources(typeof(SqliteDialect).Assembly, "Reelgate.Storage.Sqlite.Migrations.");
        await new MigrationRunner(dialect, migrations, new FakeTimeProvider()).MigrateAsync(cancellationToken);
        return new TestDatabase("sqlite", dialect, migrations, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
            return ValueTask.CompletedTask;
        });
    }

    public static async Task<TestDatabase> PostgresAsync(CancellationToken cancellationToken)
    {
        var server = TestServices.Postgres;
        Assert.SkipWhen(server is null, TestServices.MissingReason(TestServices.PostgresVariable));
        var database = await ThrowawayDatabase.CreateAsync(server!, cancellationToken);
        var dialect = new PostgresDialect(database.ConnectionString);
        var migrations = PostgresStorageServiceCollectionExtensions.Migrations();
        try
        {
            await new MigrationRunner(dialect, migrations, new FakeTimeProvider()).MigrateAsync(cancellationToken);
        }
        catch
        {
            await dialect.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }

        return new TestDatabase("postgres", dialect, migrations, async () =>
        {
            await dialect.DisposeAsync();
            await database.DisposeAsync();
        });
    }
}
