namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// BGRA (8 bits, alpha ignored) to planar YUV 4:2:0, BT.601 limited range (what ffmpeg assumes for untagged
/// H.264): done here, on the drawing thread, because ffmpeg 5.1's own conversion is single-threaded and
/// would be the slowest stage; it also sends ffmpeg 1.5 bytes a pixel instead of 4.
/// </summary>
public static class Yuv420Converter
{
    public static int BufferSize(int width, int height) => (width * height) + (2 * (width / 2) * (height / 2));

    public static void Convert(ReadOnlySpan<byte> bgra, int width, int height, Span<byte> yuv)
    {
        if (width % 2 != 0 || height % 2 != 0)
        {
            throw new ArgumentException("4:2:0 needs even sides", nameof(width));
        }

        var chromaWidth = width / 2;
        var ySize = width * height;
        var uPlane = yuv.Slice(ySize, chromaWidth * (height / 2));
        var vPlane = yuv.Slice(ySize + (chromaWidth * (height / 2)), chromaWidth * (height / 2));
        var stride = width * 4;
        for (var y = 0; y < height; y += 2)
        {
            var row0 = bgra.Slice(y * stride, stride);
            var row1 = bgra.Slice((y + 1) * stride, stride);
            var y0 = yuv.Slice(y * width, width);
            var y1 = yuv.Slice((y + 1) * width, width);
            var uRow = uPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            var vRow = vPlane.Slice(y / 2 * chromaWidth, chromaWidth);
            for (var x = 0; x < chromaWidth; x++)
            {
                var i = x * 8;
                int b0 = row0[i], g0 = row0[i + 1], r0 = row0[i + 2];
                int b1 = row0[i + 4], g1 = row0[i + 5], r1 = row0[i + 6];
                int b2 = row1[i], g2 = row1[i + 1], r2 = row1[i + 2];
                int b3 = row1[i + 4], g3 = row1[i + 5], r3 = row1[i + 6];
                y0[2 * x] = Luma(r0, g0, b0);
                y0[(2 * x) + 1] = Luma(r1, g1, b1);
                y1[2 * x] = Luma(r2, g2, b2);
                y1[(2 * x) + 1] = Luma(r3, g3, b3);
                var r = r0 + r1 + r2 + r3;
                var g = g0 + g1 + g2 + g3;
                var b = b0 + b1 + b2 + b3;
                uRow[x] = (byte)((((-38 * r) - (74 * g) + (112 * b) + 512) >> 10) + 128);
                vRow[x] = (byte)((((112 * r) - (94 * g) - (18 * b) + 512) >> 10) + 128);
            }
        }
    }

    private static byte Luma(int r, int g, int b) => (byte)((((66 * r) + (129 * g) + (25 * b) + 128) >> 8) + 16);
}
