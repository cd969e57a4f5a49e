using System.Buffers;

namespace Reelgate.Core.Jobs;

/// <summary>
/// Public ids: a prefix and 26 Crockford base32 characters, a millisecond timestamp then 80 random bits
/// (the ULID layout), so ids sort by creation and cannot be guessed.
/// </summary>
public static class Ids
{
    public const string JobPrefix = "job_";
    public const string KeyPrefix = "key_";
    public const string UploadPrefix = "upl_";
    public const string LedgerPrefix = "txn_";

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int Length = 26;
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string New(string prefix, DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[10];
        IdRandomness.Fill(random);
        Span<char> chars = stackalloc char[Length];
        var time = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(time & 31)];
            time >>= 5;
        }

        var bits = new UInt128(BitConverter.ToUInt16(random[8..]), BitConverter.ToUInt64(random[..8]));
        for (var i = Length - 1; i >= 10; i--)
        {
            chars[i] = Alphabet[(int)(ulong)(bits & 31)];
            bits >>= 5;
        }

        return string.Concat(prefix, chars);
    }

    /// <summary>True when the text has the shape of an id with this prefix (anything else is a 404 without a lookup).</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null && id.Length == prefix.Length + Length && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.AsSpan(prefix.Length).ContainsAnyExcept(AlphabetValues) is false;
}
