using System.Data.Common;
using Dapper;

namespace Reelgate.Storage.Tests.Schema;

/// <summary>
/// A key that jobs or ledger rows name cannot be deleted or renamed: a foreign key on SQLite, a trigger on PostgreSQL
/// (migration 007, where the per-row checks of inserts gave way to the writers' own checks under the key's lock).
/// </summary>
public abstract class KeyReferenceTests : StoreContract
{
    [Fact]
    public async Task A_key_named_by_a_job_and_its_hold_is_neither_deleted_nor_renamed()
    {
        await using var db = await NewDatabaseAsync();
        var (key, _) = await SubmittedJobAsync(db);
        await using var connection = await db.Dialect.OpenAsync(Token);

        await Should.ThrowAsync<DbException>(() => ExecuteAsync(connection, "DELETE FROM api_keys WHERE id = @Key", key));
        await Should.ThrowAsync<DbException>(() => ExecuteAsync(connection, "UPDATE api_keys SET id = 'key_renamed' WHERE id = @Key", key));

        (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM api_keys WHERE id = @Key", new { Key = key }, cancellationToken: Token))).ShouldBe(1);
    }

    [Fact]
    public async Task A_key_named_only_by_ledger_rows_is_not_deleted()
    {
        await using var db = await NewDatabaseAsync();
        var key = await CreateKeyAsync(db.Keys, "1.00");
        await using var connection = await db.Dialect.OpenAsync(Token);

        await Should.ThrowAsync<DbException>(() => ExecuteAsync(connection, "DELETE FROM api_keys WHERE id = @Key", key));
    }

    [Fact]
    public async Task A_key_nothing_names_is_deleted_and_a_named_key_keeps_other_updates()
    {
        await using var db = await NewDatabaseAsync();
        var named = await CreateKeyAsync(db.Keys, "1.00");
        var unnamed = await CreateKeyAsync(db.Keys, "0.00");
        await using var connection = await db.Dialect.OpenAsync(Token);
        await ExecuteAsync(connection, "DELETE FROM ledger WHERE key_id = @Key", unnamed);

        (await ExecuteAsync(connection, "DELETE FROM api_keys WHERE id = @Key", unnamed)).ShouldBe(1);
        (await ExecuteAsync(connection, "UPDATE api_keys SET id = id, name = 'renamed' WHERE id = @Key", named)).ShouldBe(1);
    }

    private static Task<int> ExecuteAsync(DbConnection connection, string sql, string key) =>
        connection.ExecuteAsync(new CommandDefinition(sql, new { Key = key }, cancellationToken: Token));

    public sealed class OnSqlite : KeyReferenceTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();
    }

    public sealed class OnPostgres : KeyReferenceTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();
    }
}
