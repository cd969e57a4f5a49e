using Reelgate.Engines.Local.Encoding;

namespace Reelgate.Engines.Local.Tests.Encoding;

public sealed class Yuv420ConverterTests
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(640, 360)]
    [InlineData(1080, 1080)]
    [InlineData(66, 4)]
    [InlineData(360, 480)]
    [InlineData(540, 540)]
    [InlineData(2, 2)]
    public void Convert_equals_the_scalar_reference_when_given_any_even_size(int width, int height)
    {
        var random = new Random(width * 31 + height);
        var bgra = new byte[width * height * 4];
        random.NextBytes(bgra);
        var fast = new byte[Yuv420Converter.BufferSize(width, height)];
        var reference = new byte[fast.Length];

        Yuv420Converter.Convert(bgra, width, height, fast);
        Yuv420Converter.ConvertScalar(bgra, width, height, reference);

        fast.ShouldBe(reference);
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(66, 4)]
    [InlineData(96, 2)]
    [InlineData(2, 2)]
    public void Every_kernel_equals_the_scalar_reference_when_the_processor_runs_it(int width, int height)
    {
        var random = new Random(width * 17 + height);
        var bgra = new byte[width * height * 4];
        random.NextBytes(bgra);
        EveryKernelEqualsTheReference(bgra, width, height);
    }

    [Fact]
    public void Every_kernel_gives_the_extremes_exactly_when_given_saturated_colours()
    {
        // Pure colours, black and white in every 2×2 arrangement: the sums the 16-bit lanes must hold at their largest.
        byte[][] colours = [[0, 0, 0], [255, 255, 255], [255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0], [0, 255, 255], [255, 0, 255]];
        const int width = 64;
        const int height = 16;
        var bgra = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var colour = colours[(i * 7 + (i / width)) % colours.Length];
            colour.CopyTo(bgra, i * 4);
            bgra[(i * 4) + 3] = (byte)(i * 37);
        }

        EveryKernelEqualsTheReference(bgra, width, height);
    }

    [Fact]
    public void Convert_gives_studio_range_black_white_and_grey_when_given_neutral_pixels()
    {
        byte[] bgra = [0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255, 128, 128, 128, 255];
        var yuv = new byte[Yuv420Converter.BufferSize(2, 2)];

        Yuv420Converter.Convert(bgra, 2, 2, yuv);

        yuv[..4].ShouldBe(new byte[] { 16, 235, 126, 126 });
        yuv[4].ShouldBe((byte)128);
        yuv[5].ShouldBe((byte)128);
    }

    private static void EveryKernelEqualsTheReference(byte[] bgra, int width, int height)
    {
        var reference = new byte[Yuv420Converter.BufferSize(width, height)];
        Yuv420Converter.ConvertScalar(bgra, width, height, reference);

        foreach (var kernel in Enum.GetValues<Yuv420Kernel>().Where(Yuv420Converter.Runs))
        {
            var output = new byte[reference.Length];
            Yuv420Converter.ConvertRows(bgra, width, height, output, kernel);
            output.ShouldBe(reference, $"kernel {kernel}");
        }
    }
}
