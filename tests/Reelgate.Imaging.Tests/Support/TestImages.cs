using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;
using Reelgate.Imaging.Normalizing;

namespace Reelgate.Imaging.Tests.Support;

/// <summary>Images made at test time with libvips, plus hand-made headers for the bad cases.</summary>
internal static class TestImages
{
    /// <summary>An 8-bit sRGB gradient: red across, green down, blue along the diagonal.</summary>
    public static Image Gradient(int width, int height)
    {
        using var xyz = Image.Xyz(width, height);
        using var x = xyz[0];
        using var y = xyz[1];
        using var red = x * (255.0 / width);
        using var green = y * (255.0 / height);
        using var sum = x + y;
        using var blue = sum * (255.0 / (width + height));
        using var joined = red.Bandjoin(green, blue);
        using var cast = joined.Cast(Enums.BandFormat.Uchar);
        return cast.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    /// <summary>Noise that no codec can squeeze: the way to a PNG of tens of MiB.</summary>
    public static Image Noise(int width, int height)
    {
        using var noise = Image.Gaussnoise(width, height, mean: 128, sigma: 60);
        using var band = noise.Cast(Enums.BandFormat.Uchar);
        using var turned = band.Rot180();
        using var flipped = band.Flip(Enums.Direction.Horizontal);
        using var joined = band.Bandjoin(turned, flipped);
        return joined.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Encode(Image image, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => image.JpegsaveBuffer(q: 90),
        ImageFormat.Png => image.PngsaveBuffer(compression: 1),
        ImageFormat.Webp => image.WebpsaveBuffer(q: 80, effort: 0),
        ImageFormat.Gif => image.GifsaveBuffer(),
        ImageFormat.Tiff => image.TiffsaveBuffer(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static byte[] Gradient(int width, int height, ImageFormat format)
    {
        using var image = Gradient(width, height);
        return Encode(image, format);
    }

    /// <summary>Decodes bytes independently of the code under test: size, bands and the mean of each band.</summary>
    public static (int Width, int Height, int Bands, double[] Means) Probe(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes);
        var means = new double[image.Bands];
        for (var band = 0; band < image.Bands; band++)
        {
            using var one = image[band];
            means[band] = one.Avg();
        }

        return (image.Width, image.Height, image.Bands, means);
    }

    /// <summary>The largest per-pixel difference between two images of the same size.</summary>
    public static double MaxDifference(byte[] a, byte[] b)
    {
        using var left = Image.NewFromBuffer(a);
        using var right = Image.NewFromBuffer(b);
        using var difference = left - right;
        using var absolute = difference.Abs();
        return absolute.Max();
    }

    /// <summary>A valid PNG header declaring width×height, then a tiny IDAT: a decompression bomb's shape.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[64 * 1024]);
            }

            WriteChunk(png, "IDAT", compressed.ToArray());
        }

        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A small real JPEG whose frame header (SOF0) is rewritten to declare width×height.</summary>
    public static byte[] JpegBomb(int width, int height)
    {
        var jpeg = Gradient(64, 64, ImageFormat.Jpeg);
        for (var i = 2; i < jpeg.Length - 9; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(i + 7), (ushort)width);
                return jpeg;
            }
        }

        throw new InvalidOperationException("no SOF marker in the generated JPEG");
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"500\"><rect width=\"500\" " +
            "height=\"500\" fill=\"red\"/></svg>");

    public static byte[] Html() => Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html><head><title>Not found</title></head><body><h1>404</h1></body></html>");

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
