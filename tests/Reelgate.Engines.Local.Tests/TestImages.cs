using SkiaSharp;

namespace Reelgate.Engines.Local.Tests;

/// <summary>Input images for image to video: seeded shapes with texture, so SSIM has structure to compare.</summary>
internal static class TestImages
{
    public static string Write(string path, int width, int height, int seed, SKEncodedImageFormat format)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            for (var i = 0; i < 60; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                var x = random.Next(width);
                var y = random.Next(height);
                var size = random.Next(width / 20, width / 5);
                if (i % 2 == 0)
                {
                    canvas.DrawCircle(x, y, size / 2f, paint);
                }
                else
                {
                    canvas.DrawRect(x, y, size, size * 0.6f, paint);
                }
            }
        }

        using var pixels = bitmap.PeekPixels();
        using var data = format == SKEncodedImageFormat.Png
            ? pixels.Encode(new SKPngEncoderOptions())!
            : pixels.Encode(new SKJpegEncoderOptions(92))!;
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }
}
