using Dapper;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Job counts per state, straight from the jobs table.</summary>
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
        var rows = await connection.QueryAsync<StatusCount>(new CommandDefinition(sql, cancellationToken: cancellationToken));
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

    private sealed class StatusCount
    {
        public string Status { get; set; } = "";

        public long Count { get; set; }
    }
}
