using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Features.Jobs;

/// <summary>
/// The event streams each key holds open on this node, capped at <see cref="LimitsOptions.EventStreamsPerKey"/>
/// (0: no cap): each open stream holds a connection and a task for as long as its job runs.
/// </summary>
public sealed class EventStreamSlots(IOptions<LimitsOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.EventStreamsPerKey;

    /// <summary>Streams the key holds open now.</summary>
    public int OpenFor(string keyId) => _open.TryGetValue(keyId, out var count) ? count : 0;

    /// <summary>Takes a slot for the key; false when it holds the most it may.</summary>
    public bool TryTake(string keyId)
    {
        while (true)
        {
            var current = OpenFor(keyId);
            if (Limit > 0 && current >= Limit)
            {
                return false;
            }

            if (current == 0 ? _open.TryAdd(keyId, 1) : _open.TryUpdate(keyId, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Return(string keyId)
    {
        while (_open.TryGetValue(keyId, out var current))
        {
            if (current <= 1 ? _open.TryRemove(KeyValuePair.Create(keyId, current)) : _open.TryUpdate(keyId, current - 1, current))
            {
                return;
            }
        }
    }
}
