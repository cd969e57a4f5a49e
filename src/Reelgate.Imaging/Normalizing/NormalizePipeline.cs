using NetVips;
using Reelgate.Core;

namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// The synchronous libvips part of normalising one file whose format the sniffer already named: read the
/// header only and check the pixel count, then decode through <c>thumbnail</c> (shrink-on-load, sequential,
/// EXIF auto-rotation) straight into the encoder, never holding the whole decoded image. Output: PNG for
/// PNG input and for WebP with alpha (alpha kept), JPEG (quality 90) otherwise; a result over 10 MiB is
/// re-encoded as JPEG at falling quality, alpha flattened onto white. Metadata is dropped; pixels end up
/// 8-bit sRGB. The token stops a running libvips evaluation (the image is "killed").
/// </summary>
internal sealed class NormalizePipeline
{
    private const int FirstJpegQuality = 90;
    private const int PngCompression = 6;
    private static readonly int[] RecompressQualities = [85, 75, 65, 50, 35];
    private static readonly double[] White = [255, 255, 255];

    private readonly Action<string, long, int> _onRecompress;

    public NormalizePipeline(Action<string, long, int> onRecompress)
    {
        _onRecompress = onRecompress;
    }

    public Outcome<NormalizedImage> Run(
        string inputPath, ImageFormat format, string param, string outputPath, CancellationToken cancellationToken)
    {
        int width, height, orientation;
        bool hasAlpha;
        try
        {
            using var header = LoadHeader(inputPath, format);
            width = header.Width;
            height = header.Height;
            orientation = ReadOrientation(header);
            hasAlpha = header.HasAlpha();
        }
        catch (VipsException)
        {
            return Failure.Invalid(param, ImageErrorCodes.Corrupt,
                $"{param}: the {Name(format)} header is broken; the file is not a readable image");
        }

        if ((long)width * height > ImageLimits.MaxPixels)
        {
            return Failure.Invalid(param, ImageErrorCodes.TooManyPixels,
                $"{param}: the image declares {width}x{height} pixels ({width * (double)height / 1e6:0.#} megapixels); at most " +
                $"{ImageLimits.MaxPixels / 1_000_000} megapixels are accepted");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (shownWidth, shownHeight) = orientation >= 5 ? (height, width) : (width, height);
        var plan = ResizePlan.For(shownWidth, shownHeight);
        var png = format == ImageFormat.Png || (format == ImageFormat.Webp && hasAlpha);
        try
        {
            var bytes = Encode(inputPath, plan, png, FirstJpegQuality, outputPath, cancellationToken);
            var contentType = png ? "image/png" : "image/jpeg";
            foreach (var quality in RecompressQualities)
            {
                if (bytes <= ImageLimits.MaxOutputBytes)
                {
                    break;
                }

                _onRecompress(param, bytes, quality);
                bytes = Encode(inputPath, plan, png: false, quality, outputPath, cancellationToken);
                contentType = "image/jpeg";
            }

            if (bytes > ImageLimits.MaxOutputBytes)
            {
                return Failure.Invalid(param, ImageErrorCodes.TooLarge, $"{param}: the image does not compress under 10 MiB");
            }

            return new NormalizedImage(outputPath, contentType, plan.Width, plan.Height, bytes, shownWidth, shownHeight);
        }
        catch (VipsException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure.Invalid(param, ImageErrorCodes.Corrupt, $"{param}: the {Name(format)} data is broken or truncated");
        }
        catch (VipsException e)
        {
            throw new OperationCanceledException("libvips was stopped", e, cancellationToken);
        }
    }

    private static long Encode(string inputPath, ResizePlan plan, bool png, int quality, string outputPath,
        CancellationToken cancellationToken)
    {
        var owned = new List<Image>(4);
        try
        {
            var image =
                Own(owned, Image.Thumbnail(inputPath, plan.Width, height: plan.Height, size: Enums.Size.Force, failOn: Enums.FailOn.Error));
            if (image.Interpretation != Enums.Interpretation.Srgb || image.Format != Enums.BandFormat.Uchar)
            {
                image = Own(owned, image.Colourspace(Enums.Interpretation.Srgb));
            }

            if (image.Format != Enums.BandFormat.Uchar)
            {
                image = Own(owned, image.Cast(Enums.BandFormat.Uchar));
            }

            if (!png && image.HasAlpha())
            {
                image = Own(owned, image.Flatten(background: White));
            }

            cancellationToken.ThrowIfCancellationRequested();
            image.SetProgress(NoProgress.Instance, cancellationToken);
            if (png)
            {
                image.Pngsave(outputPath, compression: PngCompression, keep: Enums.ForeignKeep.None);
            }
            else
            {
                image.Jpegsave(outputPath, q: quality, keep: Enums.ForeignKeep.None);
            }

            return new FileInfo(outputPath).Length;
        }
        finally
        {
            foreach (var image in owned)
            {
                image.Dispose();
            }
        }
    }

    private static Image Own(List<Image> owned, Image image)
    {
        owned.Add(image);
        return image;
    }

    private static Image LoadHeader(string path, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => Image.Jpegload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
        ImageFormat.Png => Image.Pngload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
        ImageFormat.Webp => Image.Webpload(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "only JPEG, PNG and WebP are decoded"),
    };

    private static int ReadOrientation(Image header)
    {
        if (header.GetTypeOf("orientation") == IntPtr.Zero)
        {
            return 1;
        }

        return header.Get("orientation") is int value and >= 1 and <= 8 ? value : 1;
    }

    internal static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        ImageFormat.Webp => "WebP",
        _ => format.ToString(),
    };

    private sealed class NoProgress : IProgress<int>
    {
        public static readonly NoProgress Instance = new();

        public void Report(int value)
        {
        }
    }
}
