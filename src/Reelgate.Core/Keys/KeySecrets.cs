using System.Security.Cryptography;
using System.Text;

namespace Reelgate.Core.Keys;

/// <summary>
/// Bearer keys: "rg_" and 40 random base62 characters (238 bits). Being random, a plain SHA-256 is
/// the right hash (what GitHub and Stripe do for tokens): a slow hash buys nothing against 2^238.
/// </summary>
public static class KeySecrets
{
    public const string Prefix = "rg_";
    public const int PrefixLength = 11;
    private const int RandomLength = 40;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewKey() => Prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The part shown in listings so a person can tell keys apart ("rg_AbC12xYz").</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(PrefixLength, key.Length)];

    /// <summary>True when the text could be a key at all; anything else is refused without a lookup.</summary>
    public static bool LooksLikeKey(string text) =>
        text.Length is > 8 and <= 256 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
