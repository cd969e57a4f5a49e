namespace Reelgate.Imaging.Normalizing;

/// <summary>What the first bytes of a file say it is.</summary>
public enum ImageFormat
{
    Empty,
    Unknown,
    Jpeg,
    Png,
    Webp,
    Gif,
    Svg,
    Html,
    Xml,
    Bmp,
    Tiff,
    Heif,
    Avif,
    JpegXl,
    Ico,
    Pdf,
    Psd,
}
