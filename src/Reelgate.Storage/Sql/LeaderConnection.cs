using System.Data.Common;

namespace Reelgate.Storage.Sql;

/// <summary>
/// The connection a submission leader runs its batches on, one batch after another while the queue lasts. Where the
/// dialect allows (<see cref="SqlDialect.KeepsConnectionBetweenBatches"/>) it is opened at the first batch and kept
/// until the leader stops, so every batch in a row runs on the same backend; otherwise each batch opens its own.
/// A batch that fails drops the kept connection, which may be broken or on a server that no longer takes writes (a
/// failover): the next batch opens a new one from the pool.
/// </summary>
internal sealed class LeaderConnection(SqlDialect dialect) : IAsyncDisposable
{
    private DbConnection? _kept;

    public async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> batch, CancellationToken cancellationToken)
    {
        if (!dialect.KeepsConnectionBetweenBatches)
        {
            await using var connection = await dialect.OpenAsync(cancellationToken);
            return await batch(connection);
        }

        _kept ??= await dialect.OpenAsync(cancellationToken);
        try
        {
            return await batch(_kept);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Hands the kept connection back to the pool; never throws, so a leader always gets to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        var kept = _kept;
        _kept = null;
        if (kept is null)
        {
            return;
        }

        try
        {
            await kept.DisposeAsync();
        }
        catch (DbException)
        {
            // A connection that cannot even close is broken: the pool drops it, and there is nothing to hand back.
        }
    }
}
