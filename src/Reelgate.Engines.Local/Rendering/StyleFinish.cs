using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// The style's whole-frame passes, in device pixels: comic posterising (a layer with a colour table) and
/// halftone dots, cyberpunk scanlines, vignettes, clay's warm matte cast, and the beat flash.
/// </summary>
public sealed class StyleFinish : IDisposable
{
    private const int PosterLevels = 4;

    private readonly StyleLook _look;
    private readonly int _width;
    private readonly int _height;
    private readonly SKPaint _layer = new();
    private readonly SKPaint _overlay = new() { IsAntialias = false };
    private readonly SKColorFilter? _posterise;
    private readonly SKShader? _halftone;
    private readonly SKShader? _scanlines;
    private readonly SKShader? _vignette;

    public StyleFinish(StyleLook look, int width, int height)
    {
        _look = look;
        _width = width;
        _height = height;
        var unit = Math.Min(width, height);
        if (look.Posterise)
        {
            var table = new byte[256];
            for (var i = 0; i < 256; i++)
            {
                var level = Math.Min(PosterLevels - 1, i * PosterLevels / 256);
                table[i] = (byte)(level * 255 / (PosterLevels - 1));
            }

            _posterise = SKColorFilter.CreateTable(table);
            _layer.ColorFilter = _posterise;
        }

        if (look.Halftone)
        {
            _halftone = Tile(Math.Max(5, unit / 110), (canvas, size) =>
            {
                using var dot = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 120) };
                canvas.Clear(SKColors.White);
                canvas.DrawCircle(size / 2f, size / 2f, size * 0.28f, dot);
            });
        }

        if (look.Scanlines)
        {
            _scanlines = Tile(Math.Max(3, unit / 240), (canvas, size) =>
            {
                using var line = new SKPaint { Color = new SKColor(0, 0, 0, 110) };
                canvas.Clear(SKColors.Transparent);
                canvas.DrawRect(0, 0, size, Math.Max(1, size / 3), line);
            });
        }

        if (look.Vignette)
        {
            _vignette = SKShader.CreateRadialGradient(
                new SKPoint(width / 2f, height / 2f), MathF.Sqrt((width * width) + (height * height)) / 2f,
                [SKColors.Transparent, SKColors.Transparent, new SKColor(0, 0, 0, look.Neon ? (byte)150 : (byte)110)],
                [0, 0.55f, 1], SKShaderTileMode.Clamp);
        }
    }

    /// <summary>Starts the frame: comic draws the scene into a posterising layer.</summary>
    public void Begin(SKCanvas canvas)
    {
        if (_posterise is not null)
        {
            canvas.SaveLayer(_layer);
        }
    }

    /// <summary>
    /// Ends the frame: closes the layer and lays the style's passes and the beat flash over it;
    /// <paramref name="strength"/> (0..1) fades the passes (image to video fades them in and out).
    /// </summary>
    public void End(SKCanvas canvas, double pulse, double strength = 1)
    {
        var alpha = (byte)Math.Round(255 * Math.Clamp(strength, 0, 1));
        if (alpha == 0)
        {
            if (_posterise is not null)
            {
                canvas.Restore();
            }

            return;
        }

        if (_posterise is not null)
        {
            canvas.Restore();
        }

        canvas.ResetMatrix();
        if (_look.Name == "clay")
        {
            Overlay(canvas, null, new SKColor(255, 236, 214, alpha), SKBlendMode.Multiply);
        }

        var white = SKColors.White.WithAlpha(alpha);
        foreach (var (shader, mode) in new[] { (_halftone, SKBlendMode.Multiply), (_scanlines, SKBlendMode.SrcOver), (_vignette, SKBlendMode.SrcOver) })
        {
            if (shader is not null)
            {
                Overlay(canvas, shader, white, mode);
            }
        }
        if (pulse > 0.02)
        {
            Overlay(canvas, null, new SKColor(255, 255, 255, (byte)(42 * pulse * strength)), SKBlendMode.SrcOver);
        }
    }

    public void Dispose()
    {
        _layer.Dispose();
        _overlay.Dispose();
        _posterise?.Dispose();
        _halftone?.Dispose();
        _scanlines?.Dispose();
        _vignette?.Dispose();
    }

    private void Overlay(SKCanvas canvas, SKShader? shader, SKColor color, SKBlendMode mode)
    {
        _overlay.Shader = shader;
        _overlay.Color = color;
        _overlay.BlendMode = mode;
        canvas.DrawRect(0, 0, _width, _height, _overlay);
        _overlay.Shader = null;
        _overlay.BlendMode = SKBlendMode.SrcOver;
    }

    private static SKShader Tile(int size, Action<SKCanvas, int> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            draw(canvas, size);
        }

        using var pixels = bitmap.PeekPixels();
        using var image = SKImage.FromPixelCopy(pixels);
        return image.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat);
    }
}
