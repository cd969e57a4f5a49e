using System.Text.Json.Nodes;

namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>One job a fake provider accepted, and how far it has got.</summary>
public sealed class FakeJob(string id, JsonObject body)
{
    private int _polls;

    public string Id { get; } = id;

    public JsonObject Body { get; } = body;

    public int Polls => Volatile.Read(ref _polls);

    public int CountPoll() => Interlocked.Increment(ref _polls);
}
