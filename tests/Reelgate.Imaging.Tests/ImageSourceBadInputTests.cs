using System.Security.Cryptography;
using System.Text;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

/// <summary>Broken, truncated, empty, bomb, endless, trickling and non-image inputs: each a clear 422 naming the param.</summary>
public sealed class ImageSourceBadInputTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = LoopbackHttpServer.Start();
    private readonly ImagingHarness _harness = new(allowPrivateUrls: true);

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "empty", ImageErrorCodes.NotAnImage, "image_end: the image is empty (0 bytes)" },
        { "html", ImageErrorCodes.NotAnImage, "image_end: the content is an HTML page, not an image; JPEG, PNG and WebP are accepted" },
        { "text", ImageErrorCodes.NotAnImage, "image_end: the content is not an image; JPEG, PNG and WebP are accepted" },
        { "random", ImageErrorCodes.NotAnImage, "image_end: the content is not an image; JPEG, PNG and WebP are accepted" },
        { "gif", ImageErrorCodes.UnsupportedFormat, "image_end: GIF images are not supported; use JPEG, PNG or WebP" },
        { "svg", ImageErrorCodes.UnsupportedFormat, "image_end: SVG images are not supported; use JPEG, PNG or WebP" },
        { "tiff", ImageErrorCodes.UnsupportedFormat, "image_end: TIFF images are not supported; use JPEG, PNG or WebP" },
        { "broken-png", ImageErrorCodes.Corrupt, "image_end: the PNG header is broken; the file is not a readable image" },
        { "broken-jpeg", ImageErrorCodes.Corrupt, "image_end: the JPEG header is broken; the file is not a readable image" },
        { "truncated-png", ImageErrorCodes.Corrupt, "image_end: the PNG data is broken or truncated" },
        { "truncated-jpeg", ImageErrorCodes.Corrupt, "image_end: the JPEG data is broken or truncated" },
        { "truncated-webp", ImageErrorCodes.Corrupt, "image_end: the WebP header is broken; the file is not a readable image" },
        { "png-bomb", ImageErrorCodes.TooManyPixels, "image_end: the image declares 50000x50000 pixels (2500 megapixels); at most 100 " +
            "megapixels are accepted" },
        { "jpeg-bomb", ImageErrorCodes.TooManyPixels, "image_end: the image declares 50000x50000 pixels (2500 megapixels); at most 100 " +
            "megapixels are accepted" },
        { "png-over-100mp", ImageErrorCodes.TooManyPixels, "image_end: the image declares 10001x10000 pixels (100 megapixels); at most " +
            "100 megapixels are accepted" },
        { "png-100mp-empty", ImageErrorCodes.Corrupt, "image_end: the PNG data is broken or truncated" },
    };

    internal static byte[] Body(string name) => name switch
    {
        "empty" => [],
        "html" => TestImages.Html(),
        "text" => Encoding.UTF8.GetBytes("just some words, no picture"),
        "random" => RandomNumberGenerator.GetBytes(4096),
        "gif" => TestImages.Gradient(320, 320, ImageFormat.Gif),
        "svg" => TestImages.Svg(),
        "tiff" => TestImages.Gradient(320, 320, ImageFormat.Tiff),
        "broken-png" => [.. TestImages.Gradient(320, 320, ImageFormat.Png).AsSpan(0, 8), .. RandomNumberGenerator.GetBytes(4096)],
        "broken-jpeg" => [0xFF, 0xD8, 0xFF, .. RandomNumberGenerator.GetBytes(4096)],
        "truncated-png" => Half(TestImages.Gradient(640, 480, ImageFormat.Png)),
        "truncated-jpeg" => Half(TestImages.Gradient(640, 480, ImageFormat.Jpeg)),
        "truncated-webp" => Half(TestImages.Gradient(640, 480, ImageFormat.Webp)),
        "png-bomb" => TestImages.PngBomb(50000, 50000),
        "jpeg-bomb" => TestImages.JpegBomb(50000, 50000),
        "png-over-100mp" => TestImages.PngBomb(10001, 10000),
        "png-100mp-empty" => TestImages.PngBomb(10000, 10000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Resolve_returns_clear_422_when_url_serves_a_bad_body(string body, string code, string message)
    {
        _server.MapBytes("/input", Body(body), "image/png");

        var outcome = await _harness.ResolveAsync(_server.Url("/input"), "image_end");

        outcome.Failure.ShouldNotBeNull();
        (outcome.Failure.Code, outcome.Failure.Param, outcome.Failure.Message).ShouldBe((code, "image_end", message));
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Resolve_returns_the_same_422_when_a_data_uri_holds_a_bad_body(string body, string code, string message)
    {
        var outcome = await _harness.ResolveAsync("data:image/png;base64," + Convert.ToBase64String(Body(body)), "image_end");

        outcome.Failure.ShouldNotBeNull();
        (outcome.Failure.Code, outcome.Failure.Param, outcome.Failure.Message).ShouldBe((code, "image_end", message));
    }

    [Fact]
    public async Task Resolve_returns_422_too_large_when_body_never_ends()
    {
        _server.MapEndless("/endless.jpg");

        var outcome = await _harness.ResolveAsync(_server.Url("/endless.jpg"));

        (outcome.Failure!.Code, outcome.Failure.Param, outcome.Failure.Message)
            .ShouldBe((ImageErrorCodes.TooLarge, "image", "image: the image is larger than 50 MiB"));
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_returns_422_too_large_before_reading_when_content_length_is_over_50_mib()
    {
        _server.MapTrickle("/declared.png", TimeSpan.FromMilliseconds(100), declaredLength: 60L * 1024 * 1024);

        var outcome = await _harness.ResolveAsync(_server.Url("/declared.png"));

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.TooLarge, "image"));
    }

    [Fact]
    public async Task Resolve_returns_422_timeout_when_body_trickles_one_byte_a_second()
    {
        _server.MapTrickle("/slow.png", TimeSpan.FromSeconds(1));
        await using var harness = ShortDeadline();

        var outcome = await harness.ResolveAsync(_server.Url("/slow.png"));

        (outcome.Failure!.Code, outcome.Failure.Param, outcome.Failure.Message)
            .ShouldBe((ImageErrorCodes.Timeout, "image", "image: fetching the image took longer than 2 s"));
        harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_returns_422_timeout_when_headers_never_come()
    {
        _server.Map("/silent.png", (_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var harness = ShortDeadline();

        var outcome = await harness.ResolveAsync(_server.Url("/silent.png"));

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.Timeout, "image"));
    }

    [Fact]
    public async Task Resolve_returns_422_invalid_data_uri_when_payload_is_not_base64()
    {
        var outcome = await _harness.ResolveAsync("data:image/png;base64,iVBORw0KGgo*not-base64*");

        (outcome.Failure!.Code, outcome.Failure.Param, outcome.Failure.Message)
            .ShouldBe((ImageErrorCodes.InvalidDataUri, "image", "image: the data URI's payload is not valid base64"));
    }

    [Fact]
    public async Task Resolve_returns_422_too_large_without_decoding_when_data_uri_is_over_50_mib()
    {
        var payload = new string('A', (int)(ImageLimits.MaxInputBytes / 3 * 4) + 8);

        var outcome = await _harness.ResolveAsync("data:image/png;base64," + payload);

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.TooLarge, "image"));
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_reads_real_format_when_data_uri_declares_another()
    {
        var png = TestImages.Gradient(320, 320, ImageFormat.Png);

        var outcome = await _harness.ResolveAsync("data:image/jpeg;base64," + Convert.ToBase64String(png));

        outcome.Value!.ContentType.ShouldBe("image/png");
        ImageFormatSniffer.Sniff(await _harness.ReadBlobAsync(outcome.Value.BlobKey)).ShouldBe(ImageFormat.Png);
    }

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    /// <summary>The contract's 10 s made 2 s, so the time-cap tests end sooner; the other tests keep 10 s.</summary>
    private static ImagingHarness ShortDeadline() =>
        new(allowPrivateUrls: true, settings: new Dictionary<string, string?> { ["FetchTimeout"] = "00:00:02" });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}
