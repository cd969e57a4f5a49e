using System.Buffers;

namespace Reelgate.Imaging.Fetching;

/// <summary>Copies a stream to a file, stopping as soon as it passes a byte limit (never trusting a declared length).</summary>
internal static class CappedCopy
{
    /// <summary>The bytes written, or null when the source had more than <paramref name="maxBytes"/>.</summary>
    public static async Task<long?> ToFileAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var target =
                new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            long total = 0;
            while (true)
            {
                var read = await source.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return total;
                }

                total += read;
                if (total > maxBytes)
                {
                    return null;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
