using System.Collections.Concurrent;
using Reelgate.Core.Engines;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>A checkpoint kept in memory, recording each save (what a worker's lease checkpoint writes to the store).</summary>
public sealed class MemoryCheckpoint(string? saved = null) : IEngineCheckpoint
{
    public string? Saved { get; private set; } = saved;

    public ConcurrentQueue<string> Saves { get; } = new();

    /// <summary>Answers false, as a store does when the job is no longer the worker's.</summary>
    public bool LeaseLost { get; set; }

    public Task<bool> SaveAsync(string value, CancellationToken cancellationToken)
    {
        if (LeaseLost)
        {
            return Task.FromResult(false);
        }

        Saved = value;
        Saves.Enqueue(value);
        return Task.FromResult(true);
    }
}
