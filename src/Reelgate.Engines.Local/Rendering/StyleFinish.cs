using System.Numerics;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The style's whole-frame passes, in device pixels: comic posterising (4 levels a channel, on the pixels)
/// and halftone dots, cyberpunk scanlines, vignettes and clay's warm matte cast, and the beat flash.
/// The overlays are drawn once into one image and laid over each frame (gradients and blend modes are
/// slow in Skia's CPU raster, image blits are not).
/// </summary>
public sealed class StyleFinish : IDisposable
{
    private readonly StyleLook _look;
    private readonly int _width;
    private readonly int _height;
    private readonly SKImage? _overlay;
    private readonly SKPaint _paint = new();

    public StyleFinish(StyleLook look, int width, int height)
    {
        _look = look;
        _width = width;
        _height = height;
        if (look.Halftone || look.Scanlines || look.Vignette || look.Name == "clay")
        {
            _overlay = DrawOverlay(look, width, height);
        }
    }

    /// <summary>
    /// Ends the frame: posterises the pixels (comic), then lays the overlay and the beat flash on top;
    /// <paramref name="strength"/> (0..1) fades both (image to video fades them in and out).
    /// </summary>
    public void End(SKCanvas canvas, SKBitmap bitmap, double pulse, double strength = 1)
    {
        canvas.ResetMatrix();
        if (strength <= 0)
        {
            return;
        }

        if (_look.Posterise && strength >= 1)
        {
            canvas.Flush();
            Posterise(bitmap.GetPixelSpan());
        }

        if (_overlay is not null)
        {
            _paint.Color = SKColors.White.WithAlpha((byte)Math.Round(255 * Math.Min(strength, 1)));
            canvas.DrawImage(_overlay, 0, 0, SKSamplingOptions.Default, _paint);
        }

        if (pulse > 0.02)
        {
            _paint.Color = new SKColor(255, 255, 255, (byte)(42 * pulse * Math.Min(strength, 1)));
            canvas.DrawRect(0, 0, _width, _height, _paint);
        }
    }

    /// <summary>Quantises every channel to 4 levels (0, 85, 170, 255): (v &gt;&gt; 6) × 85, sixteen bytes at a time.</summary>
    public static void Posterise(Span<byte> pixels)
    {
        var words = MemoryMarshal.Cast<byte, ushort>(pixels);
        var vectors = MemoryMarshal.Cast<ushort, Vector<ushort>>(words);
        var mask = new Vector<ushort>(0x0303);
        var scale = new Vector<ushort>(85);
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (Vector.ShiftRightLogical(vectors[i], 6) & mask) * scale;
        }

        for (var i = vectors.Length * Vector<ushort>.Count * 2; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((pixels[i] >> 6) * 85);
        }
    }

    public void Dispose()
    {
        _overlay?.Dispose();
        _paint.Dispose();
    }

    private static SKImage DrawOverlay(StyleLook look, int width, int height)
    {
        var unit = Math.Min(width, height);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(SKColors.Transparent);
            if (look.Name == "clay")
            {
                paint.Color = new SKColor(255, 214, 170, 40);
                canvas.DrawRect(0, 0, width, height, paint);
            }

            if (look.Halftone)
            {
                var step = Math.Max(5, unit / 110f);
                paint.Color = new SKColor(0, 0, 0, 95);
                for (var y = step / 2; y < height; y += step)
                {
                    for (var x = step / 2; x < width; x += step)
                    {
                        canvas.DrawCircle(x, y, step * 0.28f, paint);
                    }
                }
            }

            if (look.Scanlines)
            {
                var step = Math.Max(3, unit / 240);
                paint.IsAntialias = false;
                paint.Color = new SKColor(0, 0, 0, 100);
                for (var y = 0; y < height; y += step)
                {
                    canvas.DrawRect(0, y, width, Math.Max(1, step / 3), paint);
                }

                paint.IsAntialias = true;
            }

            if (look.Shading == ShadingKind.Volume)
            {
                // A warm key light from the upper left and a cool fill in the shadows: lit volumes.
                using var key = SKShader.CreateRadialGradient(
                    new SKPoint(width * 0.2f, height * 0.1f), Math.Max(width, height) * 0.9f,
                    [new SKColor(255, 236, 200, 70), new SKColor(255, 236, 200, 0), new SKColor(20, 30, 80, 60)],
                    [0, 0.55f, 1], SKShaderTileMode.Clamp);
                paint.Shader = key;
                canvas.DrawRect(0, 0, width, height, paint);
                paint.Shader = null;
            }

            if (look.Vignette)
            {
                using var shader = SKShader.CreateRadialGradient(
                    new SKPoint(width / 2f, height / 2f), MathF.Sqrt((width * width) + (height * height)) / 2f,
                    [SKColors.Transparent, SKColors.Transparent, new SKColor(0, 0, 0, look.Neon ? (byte)150 : (byte)110)],
                    [0, 0.55f, 1], SKShaderTileMode.Clamp);
                paint.Color = SKColors.White;
                paint.Shader = shader;
                canvas.DrawRect(0, 0, width, height, paint);
                paint.Shader = null;
            }
        }

        using var pixels = bitmap.PeekPixels();
        return SKImage.FromPixelCopy(pixels);
    }
}
