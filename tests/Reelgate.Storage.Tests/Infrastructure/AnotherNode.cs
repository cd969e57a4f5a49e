using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Tests.Infrastructure;

/// <summary>Another node's own connection pool over a test database; disposing it closes that pool only.</summary>
public sealed class AnotherNode(SqlDialect dialect) : IAsyncDisposable
{
    public SqlDialect Dialect { get; } = dialect;

    public ValueTask DisposeAsync() => Dialect is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
