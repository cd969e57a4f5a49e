using System.Data.Common;
using Dapper;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Job counts per state, straight from the jobs table, each kept to one core.</summary>
public sealed class SqlJobStatistics(SqlDialect dialect) : IJobStatistics
{
    public Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken) =>
        CountAsync("SELECT status AS Status, COUNT(*) AS Count FROM jobs GROUP BY status", cancellationToken);

    // The states are written out, not bound: only a literal list lets the planner see that the partial index
    // jobs_claimable (WHERE status IN ('queued', 'processing')) covers the query.
    public Task<IReadOnlyDictionary<JobStatus, long>> CountActiveAsync(CancellationToken cancellationToken) =>
        CountAsync(
            "SELECT status AS Status, COUNT(*) AS Count FROM jobs WHERE status IN ('queued', 'processing') GROUP BY status",
            cancellationToken);

    private async Task<IReadOnlyDictionary<JobStatus, long>> CountAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await BeginBackgroundReadAsync(connection, cancellationToken);
        var rows = (await connection.QueryAsync<StatusCount>(
            new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken))).AsList();
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        var counts = new Dictionary<JobStatus, long>();
        foreach (var row in rows)
        {
            if (JobStatusNames.Parse(row.Status) is { } status)
            {
                counts[status] = row.Count;
            }
        }

        return counts;
    }

    /// <summary>A transaction with the dialect's setting for background reads, or none where the dialect has no such setting
    /// (on SQLite a transaction would take the write lock: BEGIN IMMEDIATE).</summary>
    private async Task<DbTransaction?> BeginBackgroundReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (dialect.BackgroundReadSetting is not { } setting)
        {
            return null;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(setting, transaction: transaction, cancellationToken: cancellationToken));
        return transaction;
    }

    private sealed class StatusCount
    {
        public string Status { get; set; } = "";

        public long Count { get; set; }
    }
}
