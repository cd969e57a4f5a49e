using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

public sealed class NormalizePipelineTests
{
    [Fact]
    public async Task Run_stops_libvips_mid_encode_when_token_is_cancelled()
    {
        using var temp = new TempDirectory("pipeline");
        var input = temp.File("big.png");
        var output = temp.File("big.out");
        using (var image = TestImages.Gradient(6000, 6000))
        {
            image.Pngsave(input, compression: 1);
        }

        using var stop = new CancellationTokenSource();
        var pipeline = new NormalizePipeline((_, _, _) => { });
        var run = Task.Factory.StartNew(() => pipeline.Run(input, ImageFormat.Png, "image", output, stop.Token),
            TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Cancel as soon as the encoder has written its first bytes: the rest must not be written.
        while (!run.IsCompleted && !(File.Exists(output) && new FileInfo(output).Length > 0))
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Run_refuses_before_decoding_when_header_declares_too_many_pixels()
    {
        using var temp = new TempDirectory("pipeline");
        var input = temp.File("bomb.png");
        File.WriteAllBytes(input, TestImages.PngBomb(50000, 50000));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var outcome = new NormalizePipeline((_, _, _) => { }).Run(
            input,
            ImageFormat.Png,
            "image",
            temp.File("bomb.out"),
            TestContext.Current.CancellationToken);

        outcome.Failure!.Code.ShouldBe(ImageErrorCodes.TooManyPixels);
        (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore).ShouldBeLessThan(1024 * 1024);
        File.Exists(temp.File("bomb.out")).ShouldBeFalse();
    }
}
