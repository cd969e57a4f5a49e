using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

/// <summary>
/// Images served by a loopback server (private URLs allowed, as on a developer's machine) in each format
/// and size, fetched, normalised and stored; the stored bytes are decoded independently and checked.
/// </summary>
public sealed class ImageSourceFetchTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = LoopbackHttpServer.Start();
    private readonly ImagingHarness _harness = new(allowPrivateUrls: true);

    public static TheoryData<ImageFormat, int, int, int, int> Sizes()
    {
        var data = new TheoryData<ImageFormat, int, int, int, int>();
        foreach (var format in new[] { ImageFormat.Jpeg, ImageFormat.Png, ImageFormat.Webp })
        {
            data.Add(format, 100, 100, 300, 300);
            data.Add(format, 299, 400, 300, 401);
            data.Add(format, 300, 300, 300, 300);
            data.Add(format, 4000, 3000, 4000, 3000);
            data.Add(format, 3001, 4001, 3000, 4000);
            data.Add(format, 8000, 5000, 4000, 2500);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Resolve_stores_normalised_image_when_url_serves_each_format_and_size(
        ImageFormat format, int width, int height, int expectedWidth, int expectedHeight)
    {
        var source = TestImages.Gradient(width, height, format);
        _server.MapBytes("/image", source, "image/" + format.ToString().ToLowerInvariant());

        var outcome = await _harness.ResolveAsync(_server.Url("/image?token=secret"));

        outcome.Failure.ShouldBeNull();
        var input = outcome.Value!;
        var expectedType = format == ImageFormat.Png ? "image/png" : "image/jpeg";
        input.ShouldBe(input with
        {
            Role = "image",
            ContentType = expectedType,
            Width = expectedWidth,
            Height = expectedHeight,
            OriginalWidth = width,
            OriginalHeight = height,
        });
        var stored = await _harness.ReadBlobAsync(input.BlobKey);
        stored.LongLength.ShouldBe(input.Bytes);
        stored.LongLength.ShouldBeLessThanOrEqualTo(ImageLimits.MaxOutputBytes);
        ImageFormatSniffer.Sniff(stored).ShouldBe(format == ImageFormat.Png ? ImageFormat.Png : ImageFormat.Jpeg);
        var probed = TestImages.Probe(stored);
        (probed.Width, probed.Height, probed.Bands).ShouldBe((expectedWidth, expectedHeight, 3));
        var original = TestImages.Probe(source);
        for (var band = 0; band < 3; band++)
        {
            probed.Means[band].ShouldBe(original.Means[band], tolerance: 3.0, $"band {band} mean");
        }

        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Resolve_keeps_pixels_exactly_when_png_needs_no_resize()
    {
        var source = TestImages.Gradient(300, 300, ImageFormat.Png);
        _server.MapBytes("/exact.png", source, "image/png");

        var outcome = await _harness.ResolveAsync(_server.Url("/exact.png"));

        var stored = await _harness.ReadBlobAsync(outcome.Value!.BlobKey);
        TestImages.MaxDifference(stored, source).ShouldBe(0);
    }

    [Fact]
    public async Task Resolve_recompresses_as_jpeg_under_10_mib_when_png_is_30_mib()
    {
        byte[] source;
        using (var noise = TestImages.Noise(3300, 3200))
        {
            source = TestImages.Encode(noise, ImageFormat.Png);
        }

        source.LongLength.ShouldBeGreaterThan(30L * 1024 * 1024);
        _server.MapBytes("/huge.png", source, "image/png");

        var outcome = await _harness.ResolveAsync(_server.Url("/huge.png"));

        outcome.Failure.ShouldBeNull();
        var input = outcome.Value!;
        (input.ContentType, input.Width, input.Height, input.OriginalWidth, input.OriginalHeight)
            .ShouldBe(("image/jpeg", 3300, 3200, 3300, 3200));
        var stored = await _harness.ReadBlobAsync(input.BlobKey);
        stored.LongLength.ShouldBe(input.Bytes);
        stored.LongLength.ShouldBeLessThanOrEqualTo(ImageLimits.MaxOutputBytes);
        ImageFormatSniffer.Sniff(stored).ShouldBe(ImageFormat.Jpeg);
        var probed = TestImages.Probe(stored);
        (probed.Width, probed.Height).ShouldBe((3300, 3200));
        probed.Means[0].ShouldBe(TestImages.Probe(source).Means[0], tolerance: 3.0);
    }

    [Fact]
    public async Task Resolve_reads_real_format_when_png_is_served_as_jpeg()
    {
        var source = TestImages.Gradient(400, 320, ImageFormat.Png);
        _server.MapBytes("/photo.jpg", source, "image/jpeg");

        var outcome = await _harness.ResolveAsync(_server.Url("/photo.jpg"));

        outcome.Value!.ContentType.ShouldBe("image/png");
        ImageFormatSniffer.Sniff(await _harness.ReadBlobAsync(outcome.Value.BlobKey)).ShouldBe(ImageFormat.Png);
    }

    [Fact]
    public async Task Resolve_follows_three_redirects_when_each_hop_is_allowed()
    {
        _server.MapRedirect("/r1", "/r2", 301);
        _server.MapRedirect("/r2", _server.Url("/r3").ToString(), 307);
        _server.MapRedirect("/r3", "/final.png", 308);
        _server.MapBytes("/final.png", TestImages.Gradient(320, 320, ImageFormat.Png), "image/png");

        var outcome = await _harness.ResolveAsync(_server.Url("/r1"));

        outcome.Failure.ShouldBeNull();
        _server.Requests.Select(r => r.Path).ShouldBe(["/r1", "/r2", "/r3", "/final.png"]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}
