using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// BGRA (8 bits, alpha ignored) to planar YUV 4:2:0, BT.601 limited range (what ffmpeg assumes for untagged
/// H.264): done here, on the drawing thread, because ffmpeg 5.1's own conversion is single-threaded and
/// would be the slowest stage; it also sends ffmpeg 1.5 bytes a pixel instead of 4. Two rows at a time, 64
/// pixels a step, with SIMD vectors (System.Numerics), or 32 with AVX2 byte multiplies where the processor has them
/// (<see cref="Yuv420Avx2"/>): each pixel is read once for its luma and its share of the 2×2 chroma sums; the result
/// equals <see cref="ConvertScalar"/> exactly.
/// </summary>
public static class Yuv420Converter
{
    private const int Lanes = 8;
    private const int Step = 8 * Lanes;

    public static int BufferSize(int width, int height) => (width * height) + (2 * (width / 2) * (height / 2));

    /// <summary>The fastest kernel this processor runs.</summary>
    internal static Yuv420Kernel Best => Runs(Yuv420Kernel.Avx2) ? Yuv420Kernel.Avx2
        : Runs(Yuv420Kernel.Vectors) ? Yuv420Kernel.Vectors
        : Yuv420Kernel.Scalar;

    /// <summary>Whether this processor (and the runtime's vector width) runs <paramref name="kernel"/>.</summary>
    internal static bool Runs(Yuv420Kernel kernel) => kernel switch
    {
        Yuv420Kernel.Avx2 => Yuv420Avx2.IsSupported,
        Yuv420Kernel.Vectors => Vector.IsHardwareAccelerated && Vector<uint>.Count == Lanes,
        _ => true,
    };

    public static void Convert(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv) =>
        ConvertRows(bgra, width, height, yuv, Best);

    /// <summary>The reference conversion, one pixel (luma) and one 2×2 block (chroma) at a time.</summary>
    public static void ConvertScalar(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv) =>
        ConvertRows(bgra, width, height, yuv, Yuv420Kernel.Scalar);

    // Optimised from the first call: a fresh server's first render does not run this loop as tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ConvertRows(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv, Yuv420Kernel kernel)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException("4:2:0 needs even sides", nameof(width));
        }

        if (!Runs(kernel))
        {
            throw new ArgumentException($"this processor does not run the {kernel} kernel", nameof(kernel));
        }

        // The AVX2 kernel reads and writes through references: every range is checked here, once.
        ArgumentOutOfRangeException.ThrowIfLessThan(bgra.Length, width * height * 4, nameof(bgra));
        ArgumentOutOfRangeException.ThrowIfLessThan(yuv.Length, BufferSize(width, height), nameof(yuv));

        var pixels = MemoryMarshal.Cast<byte, uint>(bgra);
        var chromaWidth = width / 2;
        var planeSize = chromaWidth * (height / 2);
        var uPlane = yuv.Slice(width * height, planeSize);
        var vPlane = yuv.Slice((width * height) + planeSize, planeSize);
        var stride = width * 4;
        for (var y = 0; y < height; y += 2)
        {
            var lumaTop = yuv.Slice(y * width, width);
            var lumaBottom = yuv.Slice((y + 1) * width, width);
            var uRow = uPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            var vRow = vPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            var x = 0;
            if (kernel == Yuv420Kernel.Avx2)
            {
                x = ConvertAvx2Steps(bgra, width, y, yuv, uRow, vRow);
            }
            else if (kernel == Yuv420Kernel.Vectors)
            {
                var top = pixels.Slice(y * width, width);
                var bottom = pixels.Slice((y + 1) * width, width);
                for (; x + Step <= width; x += Step)
                {
                    ConvertStep(top.Slice(x, Step), bottom.Slice(x, Step), lumaTop.Slice(x), lumaBottom.Slice(x), uRow.Slice(x / 2),
                        vRow.Slice(x / 2));
                }
            }

            ConvertColumns(bgra.Slice(y * stride, stride), bgra.Slice((y + 1) * stride, stride), x, lumaTop, lumaBottom, uRow, vRow);
        }
    }

    /// <summary>Rows <paramref name="y"/> and y + 1 in steps of 32 pixels; returns the first column left over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ConvertAvx2Steps(ReadOnlySpan<byte> bgra, int width, int y, Span<byte> yuv, Span<byte> uRow, Span<byte> vRow)
    {
        ref var top = ref Unsafe.Add(ref MemoryMarshal.GetReference(bgra), y * width * 4);
        ref var bottom = ref Unsafe.Add(ref top, width * 4);
        ref var lumaTop = ref Unsafe.Add(ref MemoryMarshal.GetReference(yuv), y * width);
        ref var lumaBottom = ref Unsafe.Add(ref lumaTop, width);
        ref var u = ref MemoryMarshal.GetReference(uRow);
        ref var v = ref MemoryMarshal.GetReference(vRow);
        var x = 0;
        for (; x + Yuv420Avx2.Step <= width; x += Yuv420Avx2.Step)
        {
            Yuv420Avx2.ConvertStep(
                ref Unsafe.Add(ref top, x * 4), ref Unsafe.Add(ref bottom, x * 4), ref Unsafe.Add(ref lumaTop, x),
                ref Unsafe.Add(ref lumaBottom, x), ref Unsafe.Add(ref u, x / 2), ref Unsafe.Add(ref v, x / 2));
        }

        return x;
    }

    /// <summary>
    /// 64 pixels of two rows: 128 luma bytes, 32 U and 32 V. A 2×2 block's sums come from adding the rows lane by
    /// lane, then each pair of neighbouring lanes by viewing two 32-bit lanes as one 64-bit lane; the chroma of
    /// a block lands in the low half of its 64-bit lane, which narrowing keeps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ConvertStep(
        ReadOnlySpan<uint> top, ReadOnlySpan<uint> bottom, Span<byte> lumaTop, Span<byte> lumaBottom, Span<byte> u, Span<byte> v)
    {
        Span<Vector<ulong>> us = stackalloc Vector<ulong>[8];
        Span<Vector<ulong>> vs = stackalloc Vector<ulong>[8];
        Span<Vector<uint>> lt = stackalloc Vector<uint>[8];
        Span<Vector<uint>> lb = stackalloc Vector<uint>[8];
        var mask = new Vector<uint>(0xFF);
        for (var k = 0; k < 8; k++)
        {
            var p = new Vector<uint>(top.Slice(k * Lanes));
            var q = new Vector<uint>(bottom.Slice(k * Lanes));
            lt[k] = Luma(p);
            lb[k] = Luma(q);
            var b = PairSums((p & mask) + (q & mask));
            var g = PairSums((Vector.ShiftRightLogical(p, 8) & mask) + (Vector.ShiftRightLogical(q, 8) & mask));
            var r = PairSums((Vector.ShiftRightLogical(p, 16) & mask) + (Vector.ShiftRightLogical(q, 16) & mask));
            var half = new Vector<int>(512);
            var mid = new Vector<int>(128);
            us[k] = Vector.AsVectorUInt64(Vector.ShiftRightArithmetic((r * -38) - (g * 74) + (b * 112) + half, 10) + mid);
            vs[k] = Vector.AsVectorUInt64(Vector.ShiftRightArithmetic((r * 112) - (g * 94) - (b * 18) + half, 10) + mid);
        }

        Vector.Narrow(Vector.Narrow(lt[0], lt[1]), Vector.Narrow(lt[2], lt[3])).CopyTo(lumaTop);
        Vector.Narrow(Vector.Narrow(lt[4], lt[5]), Vector.Narrow(lt[6], lt[7])).CopyTo(lumaTop.Slice(32));
        Vector.Narrow(Vector.Narrow(lb[0], lb[1]), Vector.Narrow(lb[2], lb[3])).CopyTo(lumaBottom);
        Vector.Narrow(Vector.Narrow(lb[4], lb[5]), Vector.Narrow(lb[6], lb[7])).CopyTo(lumaBottom.Slice(32));
        NarrowToBytes(us).CopyTo(u);
        NarrowToBytes(vs).CopyTo(v);
    }

    /// <summary>Each even lane plus the odd lane after it, left in the even lane (the odd lane becomes 0).</summary>
    private static Vector<int> PairSums(Vector<uint> values)
    {
        var wide = Vector.AsVectorUInt64(values);
        return Vector.AsVectorInt32((wide & new Vector<ulong>(0xFFFF_FFFF)) + Vector.ShiftRightLogical(wide, 32));
    }

    /// <summary>The low byte of the low half of each 64-bit lane of eight vectors: 32 bytes, in order.</summary>
    private static Vector<byte> NarrowToBytes(ReadOnlySpan<Vector<ulong>> lanes)
    {
        var a = Vector.Narrow(Vector.Narrow(lanes[0], lanes[1]), Vector.Narrow(lanes[2], lanes[3]));
        var b = Vector.Narrow(Vector.Narrow(lanes[4], lanes[5]), Vector.Narrow(lanes[6], lanes[7]));
        return Vector.Narrow(a, b);
    }

    /// <summary>Two rows from column <paramref name="from"/> (even) on, one pixel (luma) and one 2×2 block (chroma) at a time.</summary>
    private static void ConvertColumns(ReadOnlySpan<byte> row0, ReadOnlySpan<byte> row1, int from, Span<byte> lumaTop,
        Span<byte> lumaBottom, Span<byte> uRow, Span<byte> vRow)
    {
        for (var x = from; x < lumaTop.Length; x++)
        {
            lumaTop[x] = Luma(row0[(x * 4) + 2], row0[(x * 4) + 1], row0[x * 4]);
            lumaBottom[x] = Luma(row1[(x * 4) + 2], row1[(x * 4) + 1], row1[x * 4]);
        }

        for (var x = from / 2; x < uRow.Length; x++)
        {
            var i = x * 8;
            var b = row0[i] + row0[i + 4] + row1[i] + row1[i + 4];
            var g = row0[i + 1] + row0[i + 5] + row1[i + 1] + row1[i + 5];
            var r = row0[i + 2] + row0[i + 6] + row1[i + 2] + row1[i + 6];
            uRow[x] = (byte)((((-38 * r) - (74 * g) + (112 * b) + 512) >> 10) + 128);
            vRow[x] = (byte)((((112 * r) - (94 * g) - (18 * b) + 512) >> 10) + 128);
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
}
