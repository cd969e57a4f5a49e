using System.Collections.Concurrent;
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

    /// <summary>The key with this hash and the principal it authenticates as (made once per read of the key).</summary>
    public ValueTask<KnownKey?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        return _byHash.TryGetValue(hash, out var entry) && time.GetElapsedTime(entry.ReadAt, now) < Lifetime
            ? ValueTask.FromResult<KnownKey?>(entry.Known)
            : ReadAsync(hash, now, cancellationToken);
    }

    private async ValueTask<KnownKey?> ReadAsync(string hash, long now, CancellationToken cancellationToken)
    {
        var found = await keys.FindByHashAsync(hash, cancellationToken);
        if (found is null)
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }

        var known = new KnownKey(found, ApiKeyClaims.PrincipalOf(found));
        _byHash[hash] = new Entry(known, now);
        return known;
    }

    /// <summary>Forgets a key after a change to it, so this node sees the change on the next request.</summary>
    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _byHash)
        {
            if (entry.Known.Key.Id == keyId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(KnownKey Known, long ReadAt);
}
