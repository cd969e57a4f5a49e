using Reelgate.Imaging.Normalizing;

namespace Reelgate.Imaging.Tests;

public sealed class ResizePlanTests
{
    [Theory]
    [InlineData(100, 100, 300, 300)]
    [InlineData(299, 299, 300, 300)]
    [InlineData(300, 300, 300, 300)]
    [InlineData(299, 400, 300, 401)]
    [InlineData(400, 299, 401, 300)]
    [InlineData(1, 1, 300, 300)]
    [InlineData(4000, 4000, 4000, 4000)]
    [InlineData(4001, 4001, 4000, 4000)]
    [InlineData(4001, 3001, 4000, 3000)]
    [InlineData(3001, 4001, 3000, 4000)]
    [InlineData(8000, 5000, 4000, 2500)]
    [InlineData(10000, 10000, 4000, 4000)]
    [InlineData(6000, 4000, 4000, 2667)]
    [InlineData(100, 1333, 300, 3999)]
    [InlineData(100, 2000, 200, 4000)]
    [InlineData(300, 8000, 150, 4000)]
    [InlineData(16000, 1, 4000, 1)]
    public void For_scales_short_side_up_and_long_side_down_when_out_of_range(int width, int height, int expectedWidth, int expectedHeight)
    {
        ResizePlan.For(width, height).ShouldBe(new ResizePlan(expectedWidth, expectedHeight));
    }
}
