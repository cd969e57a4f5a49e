using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reelgate.Server.Features.Files;

/// <summary>
/// Signs output URLs: HMAC-SHA256 over the blob key and the expiry, with a server secret shared by every
/// node (kept in the database). A URL works without an API key until it expires, and only as signed.
/// </summary>
public sealed class UrlSigner
{
    public const string SecretName = "url_signing_key";
    private byte[]? _secret;

    public void Initialize(string secret) => _secret = Convert.FromBase64String(secret);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Sign(string blobKey, long expiresUnixSeconds) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes(Payload(blobKey, expiresUnixSeconds))));

    public bool Verify(string blobKey, long expiresUnixSeconds, string? signature)
    {
        if (signature is null || signature.Length != 64)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(blobKey, expiresUnixSeconds));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private byte[] Secret => _secret ?? throw new InvalidOperationException("the URL signer was not initialised at start");

    private static string Payload(string blobKey, long expires) =>
        blobKey + "\n" + expires.ToString(CultureInfo.InvariantCulture);
}
