using Reelgate.Core;

namespace Reelgate.Imaging.Fetching;

/// <summary>
/// Decodes the base64 payload of a <c>data:image/...;base64,</c> URI to a file in chunks, refusing it when
/// its size passes the input limit. The declared type is ignored: the bytes say what they are.
/// </summary>
internal static class DataUriDecoder
{
    private const string Marker = ";base64,";
    private const int CharsPerChunk = 4 * 16384;

    /// <summary>The longest payload whose decoded bytes can fit the limit.</summary>
    internal const long MaxPayloadChars = (ImageLimits.MaxInputBytes + 2) / 3 * 4;

    public static async Task<Outcome<long>> DecodeToFileAsync(
        string dataUri, string param, string path, CancellationToken cancellationToken)
    {
        var marker = dataUri.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (!dataUri.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || marker < 0)
        {
            return Failure.Invalid(param, ImageErrorCodes.InvalidDataUri, $"{param} must be a data:image/...;base64, URI");
        }

        var payload = dataUri.AsMemory(marker + Marker.Length);
        if (payload.Span.ContainsAny(" \t\r\n"))
        {
            payload = string.Concat(payload.ToString().Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).AsMemory();
        }

        if (payload.Length > MaxPayloadChars)
        {
            return TooLarge(param);
        }

        if (payload.Length % 4 != 0)
        {
            return NotBase64(param);
        }

        var buffer = new byte[CharsPerChunk / 4 * 3];
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
        long total = 0;
        for (var offset = 0; offset < payload.Length; offset += CharsPerChunk)
        {
            var chunk = payload.Slice(offset, Math.Min(CharsPerChunk, payload.Length - offset));
            if (!Convert.TryFromBase64Chars(chunk.Span, buffer, out var written))
            {
                return NotBase64(param);
            }

            total += written;
            if (total > ImageLimits.MaxInputBytes)
            {
                return TooLarge(param);
            }

            await target.WriteAsync(buffer.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private static Failure NotBase64(string param) =>
        Failure.Invalid(param, ImageErrorCodes.InvalidDataUri, $"{param}: the data URI's payload is not valid base64");

    private static Failure TooLarge(string param) =>
        Failure.Invalid(param, ImageErrorCodes.TooLarge, $"{param}: the data URI holds more than 50 MiB");
}
