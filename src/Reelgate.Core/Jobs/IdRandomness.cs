using System.Security.Cryptography;

namespace Reelgate.Core.Jobs;

/// <summary>
/// The random part of ids, drawn from the system's cryptographic generator a block at a time. Each draw costs
/// OpenSSL a process-id system call (its fork check) and then some: ten bytes per id made that 5% of a
/// submission's CPU. The bytes are as unguessable as before; only the number of draws changes.
/// </summary>
internal static class IdRandomness
{
    private const int BlockSize = 1024;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_left;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        var block = t_block ??= new byte[BlockSize];
        if (t_left < destination.Length)
        {
            RandomNumberGenerator.Fill(block);
            t_left = BlockSize;
        }

        var start = BlockSize - t_left;
        block.AsSpan(start, destination.Length).CopyTo(destination);
        block.AsSpan(start, destination.Length).Clear();
        t_left -= destination.Length;
    }
}
