using Reelgate.Core.Validation;

namespace Reelgate.Core.Tests;

public sealed class VideoGeometryTests
{
    [Theory]
    [InlineData("1080p", "16:9", 1920, 1080)]
    [InlineData("1080p", "9:16", 1080, 1920)]
    [InlineData("1080p", "4:3", 1440, 1080)]
    [InlineData("1080p", "3:4", 1080, 1440)]
    [InlineData("1080p", "1:1", 1080, 1080)]
    [InlineData("720p", "16:9", 1280, 720)]
    [InlineData("720p", "9:16", 720, 1280)]
    [InlineData("720p", "4:3", 960, 720)]
    [InlineData("720p", "3:4", 720, 960)]
    [InlineData("720p", "1:1", 720, 720)]
    [InlineData("540p", "16:9", 960, 540)]
    [InlineData("540p", "9:16", 540, 960)]
    [InlineData("540p", "4:3", 720, 540)]
    [InlineData("540p", "3:4", 540, 720)]
    [InlineData("540p", "1:1", 540, 540)]
    [InlineData("360p", "16:9", 640, 360)]
    [InlineData("360p", "9:16", 360, 640)]
    [InlineData("360p", "4:3", 480, 360)]
    [InlineData("360p", "3:4", 360, 480)]
    [InlineData("360p", "1:1", 360, 360)]
    public void SizeOf_gives_the_contract_pixel_size(string resolution, string aspect, int width, int height) =>
        VideoGeometry.SizeOf(resolution, aspect).ShouldBe(new VideoSize(width, height));

    [Theory]
    [InlineData(5, 120)]
    [InlineData(8, 192)]
    [InlineData(10, 240)]
    public void FrameCount_is_24_per_second(int seconds, int frames) => VideoGeometry.FrameCount(seconds).ShouldBe(frames);
}
