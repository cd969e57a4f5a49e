using System.Text;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;

namespace Reelgate.Imaging.Tests;

public sealed class ImageFormatSnifferTests
{
    [Theory]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Webp)]
    [InlineData(ImageFormat.Gif)]
    [InlineData(ImageFormat.Tiff)]
    public void Sniff_names_the_format_when_bytes_are_an_encoded_image(ImageFormat format)
    {
        ImageFormatSniffer.Sniff(TestImages.Gradient(16, 16, format)).ShouldBe(format);
    }

    [Theory]
    [InlineData("", ImageFormat.Empty)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", ImageFormat.Svg)]
    [InlineData("  <?xml version=\"1.0\"?><!-- x --><svg/>", ImageFormat.Svg)]
    [InlineData("<?xml version=\"1.0\"?><feed/>", ImageFormat.Xml)]
    [InlineData("<!DOCTYPE html><html></html>", ImageFormat.Html)]
    [InlineData("\n\n<HTML><BODY>moved</BODY></HTML>", ImageFormat.Html)]
    [InlineData("%PDF-1.7", ImageFormat.Pdf)]
    [InlineData("BM\0\0\0\0\0\0\0\0\0\0\0\0\0\0", ImageFormat.Bmp)]
    [InlineData("\0\0\0\u0018ftypheic\0\0\0\0", ImageFormat.Heif)]
    [InlineData("\0\0\0\u001cftypavif\0\0\0\0", ImageFormat.Avif)]
    [InlineData("{\"error\": \"not found\"}", ImageFormat.Unknown)]
    [InlineData("GIF89", ImageFormat.Unknown)]
    public void Sniff_reads_the_bytes_when_they_are_not_jpeg_png_or_webp(string text, ImageFormat expected)
    {
        ImageFormatSniffer.Sniff(Encoding.Latin1.GetBytes(text)).ShouldBe(expected);
    }

    [Fact]
    public void Sniff_sees_svg_when_it_starts_with_a_utf8_byte_order_mark()
    {
        ImageFormatSniffer.Sniff([0xEF, 0xBB, 0xBF, .. "<svg/>"u8]).ShouldBe(ImageFormat.Svg);
    }
}
