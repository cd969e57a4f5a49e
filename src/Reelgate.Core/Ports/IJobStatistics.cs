using Reelgate.Core.Jobs;

namespace Reelgate.Core.Ports;

/// <summary>Counts over all jobs, for metrics: how many are in each state right now.</summary>
public interface IJobStatistics
{
    Task<IReadOnlyDictionary<JobStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);
}
