using System.Collections.Concurrent;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// Steers the test engine from a test: a prompt containing "[hold]" waits until the test releases it (or the
/// job is cancelled), "[hold] [hold2]" then reports 60% and waits for a second release (id + "/2"), "[fail:code]" fails with that code,
/// "[retry]" fails retryably. Counts every render.
/// </summary>
public sealed class TestEngineControl
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private int _renders;

    public int Renders => Volatile.Read(ref _renders);

    /// <summary>What the test engine answers for its time limit: ten minutes unless a test shortens it.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMinutes(10);

    public ConcurrentBag<string> Started { get; } = [];

    public void CountRender(string jobId)
    {
        Interlocked.Increment(ref _renders);
        Started.Add(jobId);
    }

    public Task HoldAsync(string jobId, CancellationToken cancellationToken) =>
        _holds.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(
            cancellationToken);

    public void Release(string jobId) =>
        _holds.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public bool IsHeld(string jobId) => _holds.ContainsKey(jobId);
}
