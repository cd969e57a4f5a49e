using NetVips;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;

namespace Reelgate.Imaging.Tests;

/// <summary>The normaliser as the upload endpoint calls it: a stream or a file in, a normalised file out.</summary>
public sealed class ImageNormalizerTests : IAsyncLifetime
{
    private readonly ImagingHarness _harness = new(allowPrivateUrls: false);

    [Fact]
    public async Task Normalize_applies_exif_orientation_when_jpeg_is_stored_sideways()
    {
        // Stored 600x400, left half red, right half blue, orientation 6: shown as 400x600, red on top.
        byte[] jpeg;
        using (var red = Image.Black(300, 400, bands: 3) + new double[] { 255, 0, 0 })
        using (var blue = Image.Black(300, 400, bands: 3) + new double[] { 0, 0, 255 })
        using (var joined = red.Join(blue, Enums.Direction.Horizontal))
        using (var stored = joined.Cast(Enums.BandFormat.Uchar))
        using (var tagged = stored.Copy(interpretation: Enums.Interpretation.Srgb).Mutate(m => m.Set(GValue.GIntType, "orientation", 6)))
        {
            jpeg = tagged.JpegsaveBuffer(q: 95, keep: Enums.ForeignKeep.All);
        }

        var outcome = await NormalizeAsync(jpeg);

        var image = outcome.Value!;
        (image.Width, image.Height, image.OriginalWidth, image.OriginalHeight).ShouldBe((400, 600, 400, 600));
        using var result = Image.NewFromFile(image.Path);
        (result.Width, result.Height).ShouldBe((400, 600));
        result.Getpoint(200, 100)[0].ShouldBeGreaterThan(200, "top is red");
        result.Getpoint(200, 500)[2].ShouldBeGreaterThan(200, "bottom is blue");
        result.GetTypeOf("orientation").ShouldBe(IntPtr.Zero, "no orientation tag is left to apply twice");
    }

    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Webp)]
    public async Task Normalize_keeps_alpha_as_png_when_input_has_transparency(ImageFormat format)
    {
        byte[] input;
        using (var colour = TestImages.Gradient(400, 400))
        using (var xyz = Image.Xyz(400, 400))
        using (var x = xyz[0])
        using (var alpha = (x < 200).Ifthenelse(0, 255))
        using (var alphaByte = alpha.Cast(Enums.BandFormat.Uchar))
        using (var rgba = colour.Bandjoin(alphaByte))
        {
            input = format == ImageFormat.Png ? rgba.PngsaveBuffer() : rgba.WebpsaveBuffer(lossless: true);
        }

        var outcome = await NormalizeAsync(input);

        outcome.Value!.ContentType.ShouldBe("image/png");
        using var result = Image.NewFromFile(outcome.Value.Path);
        result.Bands.ShouldBe(4);
        result.Getpoint(100, 200)[3].ShouldBe(0, "left half stays transparent");
        result.Getpoint(300, 200)[3].ShouldBe(255, "right half stays opaque");
    }

    [Fact]
    public async Task Normalize_flattens_alpha_onto_white_when_transparent_png_must_become_jpeg()
    {
        // Noise with a transparent left half, over 10 MiB as PNG: recompressed as JPEG, the hole turns white.
        byte[] input;
        using (var noise = TestImages.Noise(1800, 1800))
        using (var xyz = Image.Xyz(1800, 1800))
        using (var x = xyz[0])
        using (var alpha = (x < 900).Ifthenelse(0, 255))
        using (var alphaByte = alpha.Cast(Enums.BandFormat.Uchar))
        using (var rgba = noise.Bandjoin(alphaByte))
        {
            input = rgba.PngsaveBuffer(compression: 1);
        }

        input.LongLength.ShouldBeGreaterThan(ImageLimits.MaxOutputBytes);

        var outcome = await NormalizeAsync(input);

        var image = outcome.Value!;
        (image.ContentType, image.Width, image.Height).ShouldBe(("image/jpeg", 1800, 1800));
        image.Bytes.ShouldBeLessThanOrEqualTo(ImageLimits.MaxOutputBytes);
        using var result = Image.NewFromFile(image.Path);
        result.Bands.ShouldBe(3);
        using var left = result.Crop(0, 0, 850, 1800);
        left.Avg().ShouldBeGreaterThan(250, "transparent pixels become white, not black");
    }

    [Fact]
    public async Task Normalize_outputs_8_bit_srgb_when_png_is_16_bit_grey()
    {
        byte[] input;
        using (var grey = TestImages.Gradient(320, 320))
        using (var band = grey[0])
        using (var wide = band * 257)
        using (var ushorts = wide.Cast(Enums.BandFormat.Ushort))
        using (var grey16 = ushorts.Copy(interpretation: Enums.Interpretation.Grey16))
        {
            input = grey16.PngsaveBuffer();
        }

        var outcome = await NormalizeAsync(input);

        using var result = Image.NewFromFile(outcome.Value!.Path);
        (result.Bands, result.Format, outcome.Value.ContentType).ShouldBe((3, Enums.BandFormat.Uchar, "image/png"));
    }

    [Fact]
    public async Task Normalize_outputs_srgb_jpeg_when_jpeg_is_cmyk()
    {
        byte[] input;
        using (var colour = TestImages.Gradient(320, 320))
        using (var cmyk = colour.Colourspace(Enums.Interpretation.Cmyk))
        {
            input = cmyk.JpegsaveBuffer();
        }

        var outcome = await NormalizeAsync(input);

        using var result = Image.NewFromFile(outcome.Value!.Path);
        (result.Bands, result.Interpretation, outcome.Value.ContentType).ShouldBe((3, Enums.Interpretation.Srgb, "image/jpeg"));
    }

    [Fact]
    public async Task Normalize_reads_the_stream_when_it_is_an_upload_body()
    {
        await using var body = new MemoryStream(TestImages.Gradient(1000, 200, ImageFormat.Jpeg));
        var output = _harness.TempFile("upload.out");

        var outcome = await _harness.Normalizer.NormalizeAsync(body, "file", output, TestContext.Current.CancellationToken);

        outcome.Value.ShouldBe(new NormalizedImage(output, "image/jpeg", 1500, 300, new FileInfo(output).Length, 1000, 200));
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Normalize_stops_reading_and_returns_422_when_upload_stream_passes_50_mib()
    {
        await using var body = new CountingEndlessStream();

        var outcome = await _harness.Normalizer.NormalizeAsync(
            body,
            "file",
            _harness.TempFile("big.out"),
            TestContext.Current.CancellationToken);

        (outcome.Failure!.Code, outcome.Failure.Param, outcome.Failure.Message)
            .ShouldBe((ImageErrorCodes.TooLarge, "file", "file: the image is larger than 50 MiB"));
        body.BytesRead.ShouldBeLessThan(ImageLimits.MaxInputBytes + (1024 * 1024));
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task Normalize_throws_cancelled_when_caller_token_is_cancelled()
    {
        var input = _harness.TempFile("cancel.png");
        await File.WriteAllBytesAsync(input, TestImages.Gradient(500, 500, ImageFormat.Png), TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(
            () => _harness.Normalizer.NormalizeAsync(input, "image", _harness.TempFile("cancel.out"), cancelled.Token));
    }

    [Fact]
    public async Task Normalize_returns_422_timeout_when_processing_outlasts_the_limit()
    {
        await using var harness = new ImagingHarness(
            false,
            settings: new Dictionary<string, string?> { ["NormalizeTimeout"] = "00:00:00.001" });
        var input = harness.TempFile("slow.png");
        await File.WriteAllBytesAsync(input, TestImages.Gradient(3000, 3000, ImageFormat.Png), TestContext.Current.CancellationToken);

        var outcome = await harness.Normalizer.NormalizeAsync(
            input,
            "image",
            harness.TempFile("slow.out"),
            TestContext.Current.CancellationToken);

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.Timeout, "image"));
    }

    private async Task<Core.Outcome<NormalizedImage>> NormalizeAsync(byte[] bytes)
    {
        var input = _harness.TempFile(Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(input, bytes, TestContext.Current.CancellationToken);
        var outcome = await _harness.Normalizer.NormalizeAsync(input, "image", input + ".out", TestContext.Current.CancellationToken);
        outcome.Failure.ShouldBeNull();
        outcome.Value!.Bytes.ShouldBe(new FileInfo(outcome.Value.Path).Length);
        return outcome;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    /// <summary>An upload body that never ends, counting what was read from it.</summary>
    private sealed class CountingEndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)0x42, offset, count);
            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            buffer.Span.Fill(0x42);
            BytesRead += buffer.Length;
            return ValueTask.FromResult(buffer.Length);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
