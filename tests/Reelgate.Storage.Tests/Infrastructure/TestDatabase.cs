using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>A fresh, migrated database of one backend with the shared SQL stores over it; dropped on dispose.</summary>
public sealed class TestDatabase(string backend, SqlDialect dialect, IReadOnlyList<Migration> migrations, Func<ValueTask> drop) : IAsyncDisposable
{
    public string Backend { get; } = backend;

    public SqlDialect Dialect { get; } = dialect;

    public IReadOnlyList<Migration> Migrations { get; } = migrations;

    public SqlJobStore Jobs { get; } = new(dialect);

    public SqlKeyStore Keys { get; } = new(dialect);

    public SqlUploadStore Uploads { get; } = new(dialect);

    public SqlSecretStore Secrets { get; } = new(dialect);

    public MigrationRunner Migrator(TimeProvider time) => new(Dialect, Migrations, time);

    public ValueTask DisposeAsync() => drop();
}
