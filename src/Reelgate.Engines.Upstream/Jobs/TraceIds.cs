using System.Security.Cryptography;
using System.Text;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) derived from Reelgate's job id, so that a request repeated
/// after a crash carries the same trace or idempotency key and the provider recognises it.
/// </summary>
public static class TraceIds
{
    /// <summary>Reelgate's namespace for job-derived UUIDs (a fixed random UUID).</summary>
    public static readonly Guid JobNamespace = new("6f1c2a9e-4b7d-4e0a-9d35-8a2f61c0b7e4");

    /// <summary>The trace id of a job's submission (or of a named step of it, e.g. "upload:image").</summary>
    public static Guid ForJob(string jobId, string? step = null) =>
        Version5(JobNamespace, step is null ? jobId : $"{jobId}:{step}");

    public static Guid Version5(Guid space, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        WriteBigEndian(space, input[..16]);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5 UUIDs; it is a name hash, not security.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static void WriteBigEndian(Guid value, Span<byte> destination)
    {
        if (!value.TryWriteBytes(destination, bigEndian: true, out _))
        {
            throw new InvalidOperationException("a GUID is 16 bytes");
        }
    }
}
