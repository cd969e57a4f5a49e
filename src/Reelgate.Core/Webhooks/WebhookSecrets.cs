using System.Security.Cryptography;

namespace Reelgate.Core.Webhooks;

/// <summary>Standard Webhooks signing secrets: "whsec_" and the base64 of 32 random bytes.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key: the bytes the base64 after the prefix stands for.</summary>
    public static byte[] KeyBytes(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
