using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Reelgate.Storage.Tests.Schema;

/// <summary>Migrations: applied once, recorded, safe when several nodes start at the same moment.</summary>
public abstract class MigrationTests : StoreContract
{
    [Fact]
    public async Task Migrate_applies_nothing_when_the_schema_is_current()
    {
        await using var db = await NewDatabaseAsync();

        (await db.Migrator(new FakeTimeProvider()).MigrateAsync(Token)).ShouldBe(0);

        await using var connection = await db.Dialect.OpenAsync(Token);
        var versions = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT version FROM schema_migrations ORDER BY version",
            cancellationToken: Token));
        versions.ShouldBe(db.Migrations.Select(m => (long)m.Version));
    }

    [Fact]
    public async Task Migrate_succeeds_everywhere_when_nodes_start_together()
    {
        await using var db = await NewDatabaseAsync();
        await using (var connection = await db.Dialect.OpenAsync(Token))
        {
            // Start from an empty database: drop everything the fixture's migrations made.
            if (db.Backend == "postgres")
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "DROP SCHEMA public CASCADE; CREATE SCHEMA public",
                    cancellationToken: Token));
            }
            else
            {
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys = OFF", cancellationToken: Token));
                var tables = await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", cancellationToken: Token));
                foreach (var table in tables)
                {
                    await connection.ExecuteAsync(new CommandDefinition($"DROP TABLE {table}", cancellationToken: Token));
                }
            }
        }

        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => db.Migrator(new FakeTimeProvider()).MigrateAsync(Token), Token)));

        applied.Sum().ShouldBe(db.Migrations.Count);
        var key = await CreateKeyAsync(db.Keys, "1.00");
        await SubmitAsync(db.Jobs, key);
    }

    public sealed class OnSqlite : MigrationTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : MigrationTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
