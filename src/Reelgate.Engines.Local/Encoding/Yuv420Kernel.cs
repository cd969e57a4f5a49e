namespace Reelgate.Engines.Local.Encoding;

/// <summary>How <see cref="Yuv420Converter"/> converts the bulk of each pair of rows (the rest goes pixel by pixel).</summary>
internal enum Yuv420Kernel
{
    /// <summary>One pixel and one 2×2 block at a time: the reference.</summary>
    Scalar,

    /// <summary>64 pixels a step in 32-bit lanes of System.Numerics vectors (8 lanes wide).</summary>
    Vectors,

    /// <summary>32 pixels a step with AVX2 byte multiplies (<see cref="Yuv420Avx2"/>).</summary>
    Avx2,
}
