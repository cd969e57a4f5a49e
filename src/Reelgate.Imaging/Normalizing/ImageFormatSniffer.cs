using System.Text;

namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// Reads the format from the bytes (magic numbers), never from a file name or a served content type:
/// PNG bytes served as image/jpeg are a PNG, HTML served as image/png is HTML.
/// </summary>
public static class ImageFormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at.</summary>
    public const int HeadLength = 512;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegXlCodestream => [0xFF, 0x0A];
    private static ReadOnlySpan<byte> JpegXlContainer => [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20];
    private static ReadOnlySpan<byte> IcoMagic => [0, 0, 1, 0];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static async Task<ImageFormat> SniffFileAsync(string path, CancellationToken cancellationToken)
    {
        var head = new byte[HeadLength];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        var length = await file.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return Sniff(head.AsSpan(0, length));
    }

    public static ImageFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return ImageFormat.Empty;
        }

        if (head.StartsWith(JpegMagic))
        {
            return ImageFormat.Jpeg;
        }

        if (head.StartsWith(PngMagic))
        {
            return ImageFormat.Png;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.Webp;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (head.StartsWith("BM"u8) && head.Length >= 14)
        {
            return ImageFormat.Bmp;
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = head[8..12];
            return brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8) ? ImageFormat.Avif : ImageFormat.Heif;
        }

        if (head.StartsWith(JpegXlCodestream) || head.StartsWith(JpegXlContainer))
        {
            return ImageFormat.JpegXl;
        }

        if (head.StartsWith(IcoMagic) && head.Length >= 6)
        {
            return ImageFormat.Ico;
        }

        if (head.StartsWith("%PDF"u8))
        {
            return ImageFormat.Pdf;
        }

        if (head.StartsWith("8BPS"u8))
        {
            return ImageFormat.Psd;
        }

        return SniffMarkup(head);
    }

    private static ImageFormat SniffMarkup(ReadOnlySpan<byte> head)
    {
        var text = head.StartsWith(Utf8Bom) ? head[3..] : head;
        text = text.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty || text[0] != (byte)'<')
        {
            return ImageFormat.Unknown;
        }

        var lower = Encoding.Latin1.GetString(text).ToLowerInvariant();
        if (lower.Contains("<svg", StringComparison.Ordinal))
        {
            return ImageFormat.Svg;
        }

        if (lower.StartsWith("<!doctype html", StringComparison.Ordinal) || lower.Contains("<html", StringComparison.Ordinal)
            || lower.Contains("<head", StringComparison.Ordinal) || lower.Contains("<body", StringComparison.Ordinal))
        {
            return ImageFormat.Html;
        }

        return lower.StartsWith("<?xml", StringComparison.Ordinal) ? ImageFormat.Xml : ImageFormat.Unknown;
    }
}
