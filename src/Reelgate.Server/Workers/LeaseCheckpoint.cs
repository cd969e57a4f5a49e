using Reelgate.Core.Engines;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Workers;

/// <summary>An engine's checkpoint for one job, written through the store under the worker's lease.</summary>
public sealed class LeaseCheckpoint(
    IJobStore jobs, string jobId, string workerId, string engine, string? saved, TimeProvider time) : IEngineCheckpoint
{
    public string? Saved { get; private set; } = saved;

    public async Task<bool> SaveAsync(string value, CancellationToken cancellationToken)
    {
        var ok = await jobs.SaveCheckpointAsync(jobId, workerId, engine, value, time.GetUtcNow(), cancellationToken);
        if (ok)
        {
            Saved = value;
        }

        return ok;
    }
}
