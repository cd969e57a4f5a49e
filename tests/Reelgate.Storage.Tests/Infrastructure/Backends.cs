using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
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
    public const string PostgresVariable = "REELGATE_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

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
        var server = RequirePostgres();
        var (connectionString, drop) = await CreatePostgresDatabaseAsync(server, cancellationToken);
        var dialect = new PostgresDialect(connectionString);
        var migrations = PostgresStorageServiceCollectionExtensions.Migrations();
        try
        {
            await new MigrationRunner(dialect, migrations, new FakeTimeProvider()).MigrateAsync(cancellationToken);
        }
        catch
        {
            await dialect.DisposeAsync();
            await drop();
            throw;
        }

        return new TestDatabase("postgres", dialect, migrations, async () =>
        {
            await dialect.DisposeAsync();
            await drop();
        });
    }

    /// <summary>The server's connection string, or the test is skipped saying how to run it.</summary>
    public static string RequirePostgres()
    {
        var server = PostgresConnectionString;
        Assert.SkipWhen(server is null,
            $"{PostgresVariable} is not set: the PostgreSQL half of the contract suite needs a server (scripts/test.sh starts one; or run scripts/test-services.sh start)");
        return server!;
    }

    /// <summary>Creates an empty database on the server; returns its connection string and how to drop it.</summary>
    public static async Task<(string ConnectionString, Func<ValueTask> Drop)> CreatePostgresDatabaseAsync(string server, CancellationToken cancellationToken)
    {
        var name = "reelgate_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(cancellationToken);
            await admin.ExecuteAsync(new CommandDefinition($"CREATE DATABASE {name}", cancellationToken: cancellationToken));
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return (connectionString, async () =>
        {
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(CancellationToken.None);
            await admin.ExecuteAsync(new CommandDefinition($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", cancellationToken: CancellationToken.None));
        });
    }
}
