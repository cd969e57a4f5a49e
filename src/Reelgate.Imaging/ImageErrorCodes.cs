namespace Reelgate.Imaging;

/// <summary>The <c>code</c> of each 422 an image input can get; the message says the details.</summary>
public static class ImageErrorCodes
{
    /// <summary>Not a URL, data URI or upload id.</summary>
    public const string InvalidReference = "invalid_value";

    /// <summary>The upload id does not exist for this key.</summary>
    public const string UploadNotFound = "upload_not_found";

    /// <summary>The data URI's payload is not base64.</summary>
    public const string InvalidDataUri = "invalid_data_uri";

    /// <summary>DNS failed, the connection failed, or the server answered with an error status.</summary>
    public const string Unreachable = "image_unreachable";

    /// <summary>The host is or resolves to a loopback, private, link-local, metadata or reserved address, or the scheme is not
    /// http(s).</summary>
    public const string AddressRefused = "image_url_refused";

    /// <summary>More than <see cref="ImageLimits.MaxRedirects"/> redirects.</summary>
    public const string TooManyRedirects = "image_too_many_redirects";

    /// <summary>The fetch (or the processing) took longer than allowed.</summary>
    public const string Timeout = "image_timeout";

    /// <summary>More than <see cref="ImageLimits.MaxInputBytes"/>.</summary>
    public const string TooLarge = "image_too_large";

    /// <summary>Zero bytes, HTML, text or bytes of no known image format.</summary>
    public const string NotAnImage = "image_not_an_image";

    /// <summary>An image format other than JPEG, PNG or WebP (GIF, SVG, BMP, TIFF, HEIF/AVIF, ...).</summary>
    public const string UnsupportedFormat = "image_unsupported_format";

    /// <summary>More than <see cref="ImageLimits.MaxPixels"/> declared in the header.</summary>
    public const string TooManyPixels = "image_too_many_pixels";

    /// <summary>Every decode slot is busy and the queue for them is full: a 429 with Retry-After, not a 422.</summary>
    public const string QueueFull = "image_queue_full";

    /// <summary>A JPEG, PNG or WebP whose data is broken or truncated.</summary>
    public const string Corrupt = "image_corrupt";
}
