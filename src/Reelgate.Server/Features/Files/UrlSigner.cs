using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;

namespace Reelgate.Server.Features.Files;

/// <summary>
/// Signs output URLs: HMAC-SHA256 over the blob key and the expiry, with a signing key shared by every node (kept in
/// the database) and named in the URL (kid). The newest active key signs; every active key verifies the links that
/// name it (a link without a kid is k1's, the key of the links made before keys rotated); a retired key verifies none.
/// The keyring is read at start, again every <see cref="RefreshInterval"/>, and at once when a link names a key this
/// node has not seen, so a key added or retired on one node reaches the others.
/// </summary>
public sealed class UrlSigner(ISigningKeyStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Keyring? _ring;

    /// <summary>The key that signs new links.</summary>
    public string PrimaryKeyId => Ring.Primary.Id;

    public void Dispose() => _loading.Dispose();

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads the keyring, first creating k1 when the database has no active key.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        if (!keys.Any(k => k.IsActive))
        {
            await store.AddAsync(new SigningKey(NextId(keys), NewSecret(), time.GetUtcNow(), null), cancellationToken);
            keys = await store.ListAsync(cancellationToken);
        }

        var active = keys.Where(k => k.IsActive).ToList();
        _ring = new Keyring(
            active.OrderBy(k => k.CreatedAt).ThenBy(k => Number(k.Id)).Last(),
            active.ToDictionary(k => k.Id, k => Convert.FromBase64String(k.Secret), StringComparer.Ordinal),
            keys.Where(k => !k.IsActive).Select(k => k.Id).ToHashSet(StringComparer.Ordinal),
            time.GetTimestamp());
    }

    /// <summary>Reads the keyring again when it is older than <see cref="RefreshInterval"/> (or <paramref name="force"/>).</summary>
    public async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && _ring is { } ring && time.GetElapsedTime(ring.LoadedAt) < RefreshInterval)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>The signature and the id of the key that made it.</summary>
    public (string KeyId, string Signature) Sign(string blobKey, long expiresUnixSeconds)
    {
        var ring = Ring;
        return (ring.Primary.Id, Hmac(ring.Active[ring.Primary.Id], blobKey, expiresUnixSeconds));
    }

    /// <summary>Whether the link's signature is right, by the key it names; a retired or unknown key is refused.</summary>
    public async Task<SignatureCheck> VerifyAsync(
        string blobKey, long expiresUnixSeconds, string? signature, string? keyId, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrEmpty(keyId) ? SigningKey.FirstId : keyId;
        await RefreshAsync(force: false, cancellationToken);
        if (!Ring.Active.ContainsKey(id) && !Ring.Retired.Contains(id))
        {
            await RefreshAsync(force: true, cancellationToken);
        }

        var ring = Ring;
        if (ring.Retired.Contains(id))
        {
            return SignatureCheck.Retired;
        }

        if (!ring.Active.TryGetValue(id, out var secret) || signature is null || signature.Length != 64)
        {
            return SignatureCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Hmac(secret, blobKey, expiresUnixSeconds));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    /// <summary>"k" and one more than the highest number in use.</summary>
    public static string NextId(IEnumerable<SigningKey> keys) =>
        "k" + (keys.Select(k => Number(k.Id)).DefaultIfEmpty(0).Max() + 1).ToString(CultureInfo.InvariantCulture);

    private static int Number(string id) =>
        id.Length > 1 && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private Keyring Ring => _ring ?? throw new InvalidOperationException("the URL signer was not loaded at start");

    private static string Hmac(byte[] secret, string blobKey, long expires) =>
        Convert.ToHexStringLower(
            HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(blobKey + "\n" + expires.ToString(CultureInfo.InvariantCulture))));

    private sealed record Keyring(
        SigningKey Primary, IReadOnlyDictionary<string, byte[]> Active, IReadOnlySet<string> Retired, long LoadedAt);
}

/// <summary>What a signed link's signature says.</summary>
public enum SignatureCheck
{
    Valid,
    Invalid,
    Retired,
}
