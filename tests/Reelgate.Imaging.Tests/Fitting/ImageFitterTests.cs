using Reelgate.Imaging.Fitting;

namespace Reelgate.Imaging.Tests.Fitting;

public sealed class ImageFitterTests
{
    [Theory]
    [InlineData(640, 480, "16:9", 0, 60, 640, 360)]
    [InlineData(640, 360, "9:16", 219, 0, 202, 360)]
    [InlineData(1000, 1000, "4:3", 0, 125, 1000, 750)]
    [InlineData(640, 360, "16:9", 0, 0, 640, 360)]
    public void CropFor_is_a_centred_crop_to_the_ratio(
        int width, int height, string ratio, int left, int top, int cropWidth, int cropHeight)
    {
        ImageFitter.CropFor(width, height, ratio).ShouldBe((left, top, cropWidth, cropHeight));
    }
}
