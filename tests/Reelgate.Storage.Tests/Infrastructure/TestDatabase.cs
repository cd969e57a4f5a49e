using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>A fresh, migrated database of one backend with the shared SQL stores over it; dropped on dispose.</summary>
public sealed class TestDatabase(string backend, SqlDialect dialect, IReadOnlyList<Migration> migrations, Func<ValueTask> drop)
    : IAsyncDisposable
{
    public string Backend { get; } = backend;

    public SqlDialect Dialect { get; } = dialect;

    public IReadOnlyList<Migration> Migrations { get; } = migrations;

    public SqlJobStore Jobs { get; } = new(dialect);

    public SqlKeyStore Keys { get; } = new(dialect);

    public SqlUploadStore Uploads { get; } = new(dialect);

    public SqlSecretStore Secrets { get; } = new(dialect);

    public MigrationRunner Migrator(TimeProvider time) => new(Dialect, Migrations, time);

    /// <summary>A second connection pool over the same database, as another node of the deployment would have.</summary>
    public AnotherNode AnotherNode() => new(Dialect switch
    {
        Storage.Postgres.PostgresDialect postgres => new Storage.Postgres.PostgresDialect(postgres.ConnectionString),
        Storage.Sqlite.SqliteDialect sqlite => new Storage.Sqlite.SqliteDialect(sqlite.DatabasePath),
        _ => throw new NotSupportedException(Dialect.GetType().Name),
    });

    public ValueTask DisposeAsync() => drop();
}
