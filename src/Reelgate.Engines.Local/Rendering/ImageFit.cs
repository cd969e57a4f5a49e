using SkiaSharp;

namespace Reelgate.Engines.Local.Rendering;

/// <summary>
/// Fits an input image to the output frame by cover-cropping: scaled (keeping its aspect) until it covers
/// the whole frame, centred, and the overflow cut equally from both sides of the longer dimension.
/// </summary>
public static class ImageFit
{
    /// <summary>Decodes the file (JPEG, PNG or WebP) and returns it cover-cropped to exactly width × height.</summary>
    public static SKImage Cover(string path, int width, int height)
    {
        using var source = SKBitmap.Decode(path)
            ?? throw new InvalidDataException($"the input image {Path.GetFileName(path)} could not be decoded");
        var scale = Math.Max(width / (double)source.Width, height / (double)source.Height);
        var cropWidth = width / scale;
        var cropHeight = height / scale;
        var crop = SKRect.Create(
            (float)((source.Width - cropWidth) / 2), (float)((source.Height - cropHeight) / 2), (float)cropWidth, (float)cropHeight);
        using var fitted = new SKBitmap(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(fitted))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(image, crop, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
        }

        using var pixels = fitted.PeekPixels();
        return SKImage.FromPixelCopy(pixels);
    }
}
