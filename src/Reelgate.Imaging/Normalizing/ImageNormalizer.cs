using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reelgate.Core;
using Reelgate.Imaging.Fetching;

namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// Normalises an input image as the contract says (JPEG, PNG or WebP read from the bytes; at most 100
/// megapixels declared, checked before decoding; EXIF orientation applied; short side up to 300, long side
/// down to 4000; recompressed past 10 MiB). At most <see cref="ImagingOptions.MaxConcurrentDecodes"/> run
/// at once, each on its own thread, each stopped past <see cref="ImagingOptions.NormalizeTimeout"/>; at most
/// <see cref="ImagingOptions.MaxQueuedDecodes"/> wait for them, and one more is refused (429) at once.
/// The upload endpoint calls it directly; <see cref="ImageSource"/> calls it for URLs and data URIs.
/// </summary>
public sealed class ImageNormalizer
{
    /// <summary>What a refused caller is told to wait: a decode takes a second or two.</summary>
    public static readonly TimeSpan QueueFullRetryAfter = TimeSpan.FromSeconds(2);

    private readonly DecodeQueue _queue;
    private readonly ImagingOptions _options;
    private readonly ScratchSpace _scratch;
    private readonly TimeProvider _time;
    private readonly ILogger<ImageNormalizer> _logger;
    private readonly NormalizePipeline _pipeline;

    public ImageNormalizer(IOptions<ImagingOptions> options, DecodeQueue queue, ScratchSpace scratch, TimeProvider time,
        ILogger<ImageNormalizer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        VipsRuntime.EnsureConfigured();
        _options = options.Value;
        _queue = queue;
        _scratch = scratch;
        _time = time;
        _logger = logger;
        _pipeline = new NormalizePipeline((param, bytes, quality) => ImagingLog.Recompressing(_logger, param, bytes, quality));
    }

    /// <summary>
    /// Reads the stream (an upload's body) to a scratch file, refusing it as soon as it passes 50 MiB, then
    /// normalises it into <paramref name="outputPath"/>.
    /// </summary>
    public async Task<Outcome<NormalizedImage>> NormalizeAsync(
        Stream input, string param, string outputPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spooled = _scratch.NewPath(".in");
        try
        {
            var written = await CappedCopy.ToFileAsync(input, spooled, ImageLimits.MaxInputBytes, cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                return Refuse(param, ImageErrorCodes.TooLarge, $"{param}: the image is larger than 50 MiB");
            }

            return await NormalizeAsync(spooled, param, outputPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _scratch.Delete(spooled);
        }
    }

    /// <summary>Normalises the file at <paramref name="inputPath"/> into <paramref name="outputPath"/> (created or overwritten; removed
    /// again on failure).</summary>
    public async Task<Outcome<NormalizedImage>> NormalizeAsync(
        string inputPath, string param, string outputPath, CancellationToken cancellationToken)
    {
        var length = new FileInfo(inputPath).Length;
        if (length > ImageLimits.MaxInputBytes)
        {
            return Refuse(param, ImageErrorCodes.TooLarge, $"{param}: the image is larger than 50 MiB");
        }

        var format = await ImageFormatSniffer.SniffFileAsync(inputPath, cancellationToken).ConfigureAwait(false);
        if (RefuseFormat(format, param) is { } refusal)
        {
            ImagingLog.ImageRefused(_logger, param, refusal.Code);
            return refusal;
        }

        using var slot = await _queue.TryEnterAsync(cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            ImagingLog.ImageRefused(_logger, param, ImageErrorCodes.QueueFull);
            return new Failure(FailureKind.RateLimited, ImageErrorCodes.QueueFull,
                $"{param}: the server is decoding as many images as it can take now; retry after the Retry-After seconds", param)
            {
                RetryAfter = QueueFullRetryAfter,
            };
        }

        using var deadline = new CancellationTokenSource(_options.NormalizeTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = _time.GetTimestamp();
        Outcome<NormalizedImage> outcome;
        try
        {
            outcome = await Task.Factory.StartNew(
                () => _pipeline.Run(inputPath, format, param, outputPath, linked.Token),
                linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _scratch.Delete(outputPath);
            if (!deadline.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            ImagingLog.NormalizeTimedOut(_logger, param, _options.NormalizeTimeout.TotalSeconds);
            outcome = Failure.Invalid(param, ImageErrorCodes.Timeout,
                $"{param}: processing the image took longer than {_options.NormalizeTimeout.TotalSeconds:0.#} s");
        }

        if (!outcome.Succeeded)
        {
            _scratch.Delete(outputPath);
            ImagingLog.ImageRefused(_logger, param, outcome.Failure.Code);
        }
        else if (_logger.IsEnabled(LogLevel.Debug))
        {
            var image = outcome.Value;
            var formatName = NormalizePipeline.Name(format);
            var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            ImagingLog.Normalized(_logger, param, formatName, image.OriginalWidth, image.OriginalHeight,
                image.ContentType, image.Width, image.Height, image.Bytes, elapsedMs);
        }

        return outcome;
    }

    private Failure Refuse(string param, string code, string message)
    {
        ImagingLog.ImageRefused(_logger, param, code);
        return Failure.Invalid(param, code, message);
    }

    private static Failure? RefuseFormat(ImageFormat format, string param) => format switch
    {
        ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.Webp => null,
        ImageFormat.Empty => Failure.Invalid(param, ImageErrorCodes.NotAnImage, $"{param}: the image is empty (0 bytes)"),
        ImageFormat.Html => Failure.Invalid(
            param, ImageErrorCodes.NotAnImage, $"{param}: the content is an HTML page, not an image; JPEG, PNG and WebP are accepted"),
        ImageFormat.Xml or ImageFormat.Unknown =>
            Failure.Invalid(param, ImageErrorCodes.NotAnImage, $"{param}: the content is not an image; JPEG, PNG and WebP are accepted"),
        _ => Failure.Invalid(param, ImageErrorCodes.UnsupportedFormat,
            $"{param}: {Describe(format)} images are not supported; use JPEG, PNG or WebP"),
    };

    private static string Describe(ImageFormat format) => format switch
    {
        ImageFormat.Gif => "GIF",
        ImageFormat.Svg => "SVG",
        ImageFormat.Bmp => "BMP",
        ImageFormat.Tiff => "TIFF",
        ImageFormat.Heif => "HEIF/HEIC",
        ImageFormat.Avif => "AVIF",
        ImageFormat.JpegXl => "JPEG XL",
        ImageFormat.Ico => "ICO",
        ImageFormat.Pdf => "PDF",
        ImageFormat.Psd => "PSD",
        _ => format.ToString(),
    };
}
