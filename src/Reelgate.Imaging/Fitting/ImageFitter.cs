using System.Globalization;
using NetVips;
using Reelgate.Core.Engines;

namespace Reelgate.Imaging.Fitting;

/// <summary>
/// Fits a normalised input image to the requested aspect ratio for providers whose image-to-video route takes
/// no aspect ratio (the image sets the output's shape): a centred crop, no scaling, no padding, so the output
/// has the contract's shape and the subject stays sharp. An image already of that ratio (within a pixel of
/// rounding) is sent as it is, byte for byte.
/// </summary>
public static class ImageFitter
{
    public static Task<FittedImage> FitAsync(
        RenderInput input, string aspectRatio, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.Run(() => Fit(input, aspectRatio, directory), cancellationToken);
    }

    /// <summary>The centred crop of a width × height image to a "w:h" ratio: (left, top, width, height).</summary>
    public static (int Left, int Top, int Width, int Height) CropFor(int width, int height, string aspectRatio)
    {
        var colon = aspectRatio.IndexOf(':', StringComparison.Ordinal);
        var rw = int.Parse(aspectRatio.AsSpan(0, colon), CultureInfo.InvariantCulture);
        var rh = int.Parse(aspectRatio.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        var cropWidth = width;
        var cropHeight = (int)Math.Round(width * (double)rh / rw);
        if (cropHeight > height)
        {
            cropHeight = height;
            cropWidth = Math.Min(width, (int)Math.Round(height * (double)rw / rh));
        }

        return ((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
    }

    private static FittedImage Fit(RenderInput input, string aspectRatio, string directory)
    {
        var (left, top, width, height) = CropFor(input.Width, input.Height, aspectRatio);
        if (Math.Abs(width - input.Width) <= 1 && Math.Abs(height - input.Height) <= 1)
        {
            return new FittedImage(input.Path, input.ContentType, input.Width, input.Height);
        }

        Directory.CreateDirectory(directory);
        var extension = input.ContentType switch
        {
            "image/png" => ".png",
            "image/webp" => ".webp",
            _ => ".jpg",
        };
        var output = System.IO.Path.Combine(directory, $"{input.Role}-fitted{extension}");
        using var image = Image.NewFromFile(input.Path, access: Enums.Access.Sequential);
        using var cropped = image.Crop(left, top, width, height);
        switch (extension)
        {
            case ".png":
                cropped.Pngsave(output);
                break;
            case ".webp":
                cropped.Webpsave(output, q: 92);
                break;
            default:
                cropped.Jpegsave(output, q: 92);
                break;
        }

        return new FittedImage(output, extension == ".jpg" ? "image/jpeg" : input.ContentType, width, height);
    }
}
