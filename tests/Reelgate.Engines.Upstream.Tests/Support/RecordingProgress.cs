using System.Collections.Concurrent;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Progress values as the engine reported them, synchronously (no captured context).</summary>
public sealed class RecordingProgress : IProgress<int>
{
    public ConcurrentQueue<int> Values { get; } = new();

    public void Report(int value) => Values.Enqueue(value);
}
