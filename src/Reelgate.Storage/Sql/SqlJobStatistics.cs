using Dapper;
using Reelgate.Core.Jobs;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Job counts per state, straight from the jobs table.</summary>
public sealed class SqlJobStatistics(SqlDialect dialect) : IJobStatistics
{
    public async Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StatusCount>(new CommandDefinition(
            "SELECT status AS Status, COUNT(*) AS Count FROM jobs GROUP BY status", cancellationToken: cancellationToken));
        var counts = Enum.GetValues<JobStatus>().ToDictionary(s => s, _ => 0L);
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
