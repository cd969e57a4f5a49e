using System.Numerics;
using System.Runtime.InteropServices;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// BGRA (8 bits, alpha ignored) to planar YUV 4:2:0, BT.601 limited range (what ffmpeg assumes for untagged
/// H.264): done here, on the drawing thread, because ffmpeg 5.1's own conversion is single-threaded and
/// would be the slowest stage; it also sends ffmpeg 1.5 bytes a pixel instead of 4. Luma is computed with
/// SIMD vectors (System.Numerics), chroma from 2×2 sums; the result equals <see cref="ConvertScalar"/> exactly.
/// </summary>
public static class Yuv420Converter
{
    public static int BufferSize(int width, int height) => (width * height) + (2 * (width / 2) * (height / 2));

    public static void Convert(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv)
    {
        var step = Vector<uint>.Count * 4;
        if (!Vector.IsHardwareAccelerated || Vector<byte>.Count != step)
        {
            ConvertScalar(bgra, width, height, yuv);
            return;
        }

        CheckEven(width, height);
        var pixels = MemoryMarshal.Cast<byte, uint>(bgra);
        var lanes = Vector<uint>.Count;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * width, width);
            var output = yuv.Slice(y * width, width);
            var x = 0;
            for (; x + step <= width; x += step)
            {
                var a = Luma(new Vector<uint>(row.Slice(x)));
                var b = Luma(new Vector<uint>(row.Slice(x + lanes)));
                var c = Luma(new Vector<uint>(row.Slice(x + (2 * lanes))));
                var d = Luma(new Vector<uint>(row.Slice(x + (3 * lanes))));
                Vector.Narrow(Vector.Narrow(a, b), Vector.Narrow(c, d)).CopyTo(output.Slice(x));
            }

            for (; x < width; x++)
            {
                var p = row[x];
                output[x] = Luma((int)((p >> 16) & 0xFF), (int)((p >> 8) & 0xFF), (int)(p & 0xFF));
            }
        }

        Chroma(bgra, width, height, yuv);
    }

    /// <summary>The reference conversion, one pixel at a time.</summary>
    public static void ConvertScalar(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv)
    {
        CheckEven(width, height);
        var stride = width * 4;
        for (var y = 0; y < height; y++)
        {
            var row = bgra.Slice(y * stride, stride);
            var output = yuv.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                output[x] = Luma(row[(x * 4) + 2], row[(x * 4) + 1], row[x * 4]);
            }
        }

        Chroma(bgra, width, height, yuv);
    }

    private static void Chroma(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv)
    {
        var chromaWidth = width / 2;
        var planeSize = chromaWidth * (height / 2);
        var uPlane = yuv.Slice(width * height, planeSize);
        var vPlane = yuv.Slice((width * height) + planeSize, planeSize);
        var stride = width * 4;
        for (var y = 0; y < height; y += 2)
        {
            var row0 = bgra.Slice(y * stride, stride);
            var row1 = bgra.Slice((y + 1) * stride, stride);
            var uRow = uPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            var vRow = vPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            for (var x = 0; x < chromaWidth; x++)
            {
                var i = x * 8;
                var b = row0[i] + row0[i + 4] + row1[i] + row1[i + 4];
                var g = row0[i + 1] + row0[i + 5] + row1[i + 1] + row1[i + 5];
                var r = row0[i + 2] + row0[i + 6] + row1[i + 2] + row1[i + 6];
                uRow[x] = (byte)((((-38 * r) - (74 * g) + (112 * b) + 512) >> 10) + 128);
                vRow[x] = (byte)((((112 * r) - (94 * g) - (18 * b) + 512) >> 10) + 128);
            }
        }
    }

    /// <summary>(66 R + 129 G + 25 B + 128) / 256 + 16 for a vector of BGRA pixels at once.</summary>
    private static Vector<uint> Luma(Vector<uint> bgra)
    {
        var mask = new Vector<uint>(0xFF);
        var b = bgra & mask;
        var g = Vector.ShiftRightLogical(bgra, 8) & mask;
        var r = Vector.ShiftRightLogical(bgra, 16) & mask;
        return Vector.ShiftRightLogical((r * 66u) + (g * 129u) + (b * 25u) + new Vector<uint>(128), 8) + new Vector<uint>(16);
    }

    private static byte Luma(int r, int g, int b) => (byte)((((66 * r) + (129 * g) + (25 * b) + 128) >> 8) + 16);

    private static void CheckEven(int width, int height)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException("4:2:0 needs even sides", nameof(width));
        }
    }
}
