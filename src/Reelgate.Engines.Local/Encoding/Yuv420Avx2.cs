using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// The AVX2 step of <see cref="Yuv420Converter"/>: 32 pixels of two rows with byte multiplies (<c>pmaddubsw</c>: the
/// pixel's unsigned bytes times signed weights, neighbouring products added into 16 bits), equal to the scalar
/// reference. Weights above 127 do not fit a signed byte, so luma's 129 G is 64 G + 65 G from two multiplies whose
/// sums (at most 56,100) fit 16 bits unsigned. Chroma's weights are all even and are halved, so a pixel's products
/// for two rows fit 16 bits signed; the block's sum then shifts one bit less.
/// </summary>
internal static class Yuv420Avx2
{
    public const int Step = 32;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Reads 32 BGRA pixels at <paramref name="top"/> and at <paramref name="bottom"/>, writes 32 luma bytes to each
    /// luma row and 16 to each chroma row. The caller has checked every range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ConvertStep(ref byte top, ref byte bottom, ref byte lumaTop, ref byte lumaBottom, ref byte u, ref byte v)
    {
        var t0 = Vector256.LoadUnsafe(ref top);
        var t1 = Vector256.LoadUnsafe(ref top, 32);
        var t2 = Vector256.LoadUnsafe(ref top, 64);
        var t3 = Vector256.LoadUnsafe(ref top, 96);
        var b0 = Vector256.LoadUnsafe(ref bottom);
        var b1 = Vector256.LoadUnsafe(ref bottom, 32);
        var b2 = Vector256.LoadUnsafe(ref bottom, 64);
        var b3 = Vector256.LoadUnsafe(ref bottom, 96);
        Luma(t0, t1, t2, t3).StoreUnsafe(ref lumaTop);
        Luma(b0, b1, b2, b3).StoreUnsafe(ref lumaBottom);

        var halfU = Weights(56, -37, -19);
        var halfV = Weights(-9, -47, 56);
        var us = Blocks(ColumnSums(t0, b0, halfU), ColumnSums(t1, b1, halfU), ColumnSums(t2, b2, halfU), ColumnSums(t3, b3, halfU));
        var vs = Blocks(ColumnSums(t0, b0, halfV), ColumnSums(t1, b1, halfV), ColumnSums(t2, b2, halfV), ColumnSums(t3, b3, halfV));

        // Bytes [U 0-7, V 0-7 | U 8-15, V 8-15]; swapping the middle quarters gives U 0-15 then V 0-15.
        var both = Avx2.Permute4x64(Avx2.PackUnsignedSaturate(us, vs).AsInt64(), 0b11_01_10_00).AsByte();
        both.GetLower().StoreUnsafe(ref u);
        both.GetUpper().StoreUnsafe(ref v);
    }

    /// <summary>32 pixels' luma, in order: (66 R + 129 G + 25 B + 128) / 256 + 16.</summary>
    private static Vector256<byte> Luma(Vector256<byte> p0, Vector256<byte> p1, Vector256<byte> p2, Vector256<byte> p3)
    {
        // Per pixel two 16-bit sums, [25 B + 129 G, 66 R]; unsigned, so their wrap-around in signed lanes is harmless.
        var low = Weights(25, 64, 66);
        var high = Weights(0, 65, 0);
        var s0 = Avx2.Add(Avx2.MultiplyAddAdjacent(p0, low), Avx2.MultiplyAddAdjacent(p0, high));
        var s1 = Avx2.Add(Avx2.MultiplyAddAdjacent(p1, low), Avx2.MultiplyAddAdjacent(p1, high));
        var s2 = Avx2.Add(Avx2.MultiplyAddAdjacent(p2, low), Avx2.MultiplyAddAdjacent(p2, high));
        var s3 = Avx2.Add(Avx2.MultiplyAddAdjacent(p3, low), Avx2.MultiplyAddAdjacent(p3, high));

        // Pixels [0-3, 8-11 | 4-7, 12-15] and [16-19, 24-27 | 20-23, 28-31]; 16 << 8 adds the 16 before the shift.
        var bias = Vector256.Create((ushort)(128 + (16 << 8)));
        var y01 = Avx2.ShiftRightLogical(Avx2.Add(Avx2.HorizontalAdd(s0, s1).AsUInt16(), bias), 8).AsInt16();
        var y23 = Avx2.ShiftRightLogical(Avx2.Add(Avx2.HorizontalAdd(s2, s3).AsUInt16(), bias), 8).AsInt16();
        return Avx2.PermuteVar8x32(Avx2.PackUnsignedSaturate(y01, y23).AsInt32(), Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7)).AsByte();
    }

    /// <summary>Eight columns of two rows: each column's weighted sum (half the chroma weights) as 32 bits.</summary>
    private static Vector256<int> ColumnSums(Vector256<byte> top, Vector256<byte> bottom, Vector256<sbyte> weights)
    {
        var rows = Avx2.Add(Avx2.MultiplyAddAdjacent(top, weights), Avx2.MultiplyAddAdjacent(bottom, weights));
        return Avx2.MultiplyAddAdjacent(rows, Vector256.Create((short)1));
    }

    /// <summary>
    /// Sixteen 2×2 blocks from 32 columns' sums: (2 S + 512) / 1024 + 128 is (S + 256 + 128 × 512) / 512, as 16 bits
    /// in order [0-7 | 8-15].
    /// </summary>
    private static Vector256<short> Blocks(Vector256<int> c0, Vector256<int> c1, Vector256<int> c2, Vector256<int> c3)
    {
        // Pairs of columns: blocks [0, 1, 4, 5 | 2, 3, 6, 7] and [8, 9, 12, 13 | 10, 11, 14, 15].
        var bias = Vector256.Create(256 + (128 << 9));
        var low = Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.HorizontalAdd(c0, c1), bias), 9);
        var high = Avx2.ShiftRightArithmetic(Avx2.Add(Avx2.HorizontalAdd(c2, c3), bias), 9);

        // As 16 bits each 32-bit lane holds two neighbouring blocks: [0-1, 4-5, 8-9, 12-13 | 2-3, 6-7, 10-11, 14-15].
        var packed = Avx2.PackSignedSaturate(low, high);
        return Avx2.PermuteVar8x32(packed.AsInt32(), Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7)).AsInt16();
    }

    /// <summary>Byte weights for each pixel's B, G, R (alpha weighs 0), repeated over the vector.</summary>
    private static Vector256<sbyte> Weights(sbyte b, sbyte g, sbyte r) =>
        Vector256.Create((byte)b | ((byte)g << 8) | ((byte)r << 16)).AsSByte();
}
