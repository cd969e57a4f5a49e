using Reelgate.Core.Jobs;

namespace Reelgate.Core.Ports;

/// <summary>Counts over all jobs, for metrics: how many are in each state right now.</summary>
public interface IJobStatistics
{
    /// <summary>Every state: a scan of the whole jobs table, whose cost grows with the history.</summary>
    Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>Queued and processing only, from the index of claimable jobs: its cost follows the queue.</summary>
    Task<IReadOnlyDictionary<JobStatus, long>> CountActiveAsync(CancellationToken cancellationToken);
}
