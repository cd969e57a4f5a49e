using System.Collections.Concurrent;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Auth;

/// <summary>
/// The keys that authenticated lately, by hash, for <see cref="Lifetime"/>: every request authenticates, and a
/// database read per request cost more than the rest of a poll. Only keys that exist are kept (a flood of
/// random keys cannot grow it). A change made through this node (revocation, webhook URL) forgets the key
/// at once; other nodes see it within <see cref="Lifetime"/>. Balances are not cached: holds and charges
/// always read the store.
/// </summary>
public sealed class ApiKeyCache(IKeyStore keys, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);

    public async Task<ApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        if (_byHash.TryGetValue(hash, out var entry) && time.GetElapsedTime(entry.ReadAt, now) < Lifetime)
        {
            return entry.Key;
        }

        var found = await keys.FindByHashAsync(hash, cancellationToken);
        if (found is null)
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }

        _byHash[hash] = new Entry(found, now);
        return found;
    }

    /// <summary>Forgets a key after a change to it, so this node sees the change on the next request.</summary>
    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Key.Id == keyId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(ApiKey Key, long ReadAt);
}
