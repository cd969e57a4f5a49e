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

    private static readonly ThreadLocal<Block> PerThread = new(() => new Block());

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }

        PerThread.Value!.Fill(destination);
    }

    /// <summary>One thread's block: handed out from the front, each byte once, and drawn anew when it runs short.</summary>
    private sealed class Block
    {
        private readonly byte[] _bytes = new byte[BlockSize];
        private int _left;

        public void Fill(Span<byte> destination)
        {
            if (_left < destination.Length)
            {
                RandomNumberGenerator.Fill(_bytes);
                _left = BlockSize;
            }

            var taken = _bytes.AsSpan(BlockSize - _left, destination.Length);
            taken.CopyTo(destination);
            taken.Clear();
            _left -= destination.Length;
        }
    }
}
