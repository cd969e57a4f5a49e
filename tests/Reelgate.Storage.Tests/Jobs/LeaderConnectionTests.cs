using System.Data.Common;
using Dapper;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Jobs;

/// <summary>
/// The connection a submission leader runs its batches on. On PostgreSQL the batches in a row share one connection
/// (the pool would hand each one a different backend, its caches cold), and after a batch fails the next one opens
/// a new connection. On SQLite each batch has its own, so that between two batches another writer gets the write gate.
/// </summary>
public abstract class LeaderConnectionTests : StoreContract
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Each batch here is one write transaction, as the batcher's are.</summary>
    private static Task<DbConnection> WriteAsync(TestDatabase db, LeaderConnection leader) =>
        leader.RunAsync(async connection =>
        {
            await using var transaction = await db.Dialect.BeginWriteAsync(connection, Token);
            await connection.ExecuteAsync(
                new CommandDefinition("UPDATE api_keys SET name = name", transaction: transaction, cancellationToken: Token));
            await transaction.CommitAsync(Token);
            return connection;
        }, Token);

    public sealed class OnSqlite : LeaderConnectionTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => SqliteAsync();

        [Fact]
        public async Task Another_writer_writes_between_two_batches_of_a_leader_when_the_database_is_sqlite()
        {
            await using var db = await NewDatabaseAsync();
            await using var leader = new LeaderConnection(db.Dialect);
            var first = await WriteAsync(db, leader);

            // The write gate is held until its connection closes: kept, it would hold this key's creation until the
            // leader stopped.
            var key = await CreateKeyAsync(db.Keys, "1.00").WaitAsync(Patience, Token);
            var second = await WriteAsync(db, leader);

            second.ShouldNotBeSameAs(first);
            (await db.Keys.GetBalanceAsync(key, Token)).ShouldNotBeNull();
        }
    }

    public sealed class OnPostgres : LeaderConnectionTests
    {
        protected override Task<TestDatabase> NewDatabaseAsync() => PostgresAsync();

        [Fact]
        public async Task Batches_of_one_leader_run_on_one_backend_and_a_failed_or_broken_one_is_replaced_when_the_database_is_postgres()
        {
            await using var db = await NewDatabaseAsync();
            await using var leader = new LeaderConnection(db.Dialect);
            var first = await WriteAsync(db, leader);
            var backend = await BackendOfAsync(first);

            // A key created meanwhile (another writer, its own connection) does not wait for the kept one.
            await CreateKeyAsync(db.Keys, "1.00").WaitAsync(Patience, Token);
            var second = await WriteAsync(db, leader);
            second.ShouldBeSameAs(first);
            (await BackendOfAsync(second)).ShouldBe(backend);

            // A batch that fails on a healthy connection drops it too: it may be a server that no longer takes writes.
            await Should.ThrowAsync<DbException>(() => leader.RunAsync(
                c => c.ExecuteAsync(new CommandDefinition("SELECT 1 / 0", cancellationToken: Token)), Token));
            var third = await WriteAsync(db, leader);
            third.ShouldNotBeSameAs(first);
            backend = await BackendOfAsync(third);

            await using (var other = await db.Dialect.OpenAsync(Token))
            {
                await other.ExecuteAsync(new CommandDefinition(
                    "SELECT pg_terminate_backend(@Backend)", new { Backend = backend }, cancellationToken: Token));
            }

            await Should.ThrowAsync<DbException>(() => WriteAsync(db, leader));
            var replaced = await WriteAsync(db, leader);
            replaced.ShouldNotBeSameAs(third);
            (await BackendOfAsync(replaced)).ShouldNotBe(backend);
        }

        private static Task<int> BackendOfAsync(DbConnection connection) =>
            connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT pg_backend_pid()", cancellationToken: Token));
    }
}
