using System.Diagnostics;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

/// <summary>
/// Memory while bad and large inputs go through, measured as the process's resident set (so libvips'
/// native buffers count too). Runs alone, after the parallel tests, so no other test's images are counted.
/// </summary>
[Collection(nameof(MemoryCollection))]
public sealed class ImageSourceMemoryTests : IAsyncLifetime
{
    private const long MiB = 1024 * 1024;
    private static readonly string[] BadBodies =
        [
            "png-bomb",
            "jpeg-bomb",
            "png-over-100mp",
            "png-100mp-empty",
            "truncated-png",
            "truncated-jpeg",
            "truncated-webp",
            "broken-png",
            "gif",
            "html",
            "empty"];

    private readonly LoopbackHttpServer _server = LoopbackHttpServer.Start();
    private readonly ImagingHarness _harness = new(allowPrivateUrls: true);

    [Fact]
    public async Task Resolve_keeps_memory_bounded_and_keeps_working_when_bad_inputs_repeat()
    {
        foreach (var body in BadBodies)
        {
            _server.MapBytes("/" + body, ImageSourceBadInputTests.Body(body), "image/png");
        }

        _server.MapEndless("/endless");
        _server.MapBytes("/good.jpg", TestImages.Gradient(1200, 800, ImageFormat.Jpeg), "image/jpeg");
        await RoundAsync();
        var baseline = ProcessMemory.Settle();
        ProcessMemory.ResetPeak();

        for (var round = 0; round < 4; round++)
        {
            await RoundAsync();
        }

        var peak = ProcessMemory.PeakResidentBytes;
        var after = ProcessMemory.Settle();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"bad inputs: baseline {baseline / MiB} MiB, peak {peak / MiB} MiB, after {after / MiB} MiB");
        (peak - baseline).ShouldBeLessThan(200 * MiB, "a bomb or an endless body must not be held in memory");
        (after - baseline).ShouldBeLessThan(64 * MiB, "nothing accumulates across rounds");
        var good = await _harness.ResolveAsync(_server.Url("/good.jpg"));
        good.Failure.ShouldBeNull();
        _harness.ScratchFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("jpeg-6000x4000", 4000, 2667)]
    [InlineData("png-30mib", 3300, 3200)]
    public async Task Resolve_peaks_under_400_mib_above_baseline_when_input_is_large(string name, int width, int height)
    {
        byte[] source;
        if (name == "png-30mib")
        {
            using var noise = TestImages.Noise(3300, 3200);
            source = TestImages.Encode(noise, ImageFormat.Png);
        }
        else
        {
            source = TestImages.Gradient(6000, 4000, ImageFormat.Jpeg);
        }

        _server.MapBytes("/large", source, "application/octet-stream");
        var input = _harness.TempFile("large.in");
        await File.WriteAllBytesAsync(input, source, TestContext.Current.CancellationToken);
        var warmUp = _harness.TempFile("warm.in");
        await File.WriteAllBytesAsync(
            warmUp,
            TestImages.Gradient(1500, 1000, name == "png-30mib" ? ImageFormat.Png : ImageFormat.Jpeg),
            TestContext.Current.CancellationToken);
        (await _harness.Normalizer.NormalizeAsync(warmUp, "image", _harness.TempFile("warm.out"), TestContext.Current.CancellationToken))
            .Succeeded.ShouldBeTrue();
        var baseline = ProcessMemory.Settle();
        ProcessMemory.ResetPeak();
        var clock = Stopwatch.StartNew();

        var normalized = await _harness.Normalizer.NormalizeAsync(
            input,
            "image",
            _harness.TempFile("large.out"),
            TestContext.Current.CancellationToken);

        clock.Stop();
        var peak = ProcessMemory.PeakResidentBytes;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name} ({source.Length / MiB} MiB): normalised in {clock.ElapsedMilliseconds} ms, peak {(peak - baseline) / MiB} MiB " +
                $"above a baseline of {baseline / MiB} MiB");
        (normalized.Value!.Width, normalized.Value.Height).ShouldBe((width, height));
        (peak - baseline).ShouldBeLessThan(400 * MiB);
        var fetched = await _harness.ResolveAsync(_server.Url("/large"));
        (fetched.Value!.Width, fetched.Value.Height).ShouldBe((width, height));
    }

    private async Task RoundAsync()
    {
        foreach (var body in BadBodies)
        {
            (await _harness.ResolveAsync(_server.Url("/" + body))).Succeeded.ShouldBeFalse(body);
        }

        (await _harness.ResolveAsync(_server.Url("/endless"))).Failure!.Code.ShouldBe(ImageErrorCodes.TooLarge);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
    }
}
