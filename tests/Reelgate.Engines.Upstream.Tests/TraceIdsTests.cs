using Reelgate.Engines.Upstream.Jobs;
using Reelgate.Engines.Upstream.Media;

namespace Reelgate.Engines.Upstream.Tests;

public sealed class TraceIdsTests
{
    [Fact]
    public void Version5_matches_the_RFC_example_when_given_the_DNS_namespace()
    {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        TraceIds.Version5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org")
            .ShouldBe(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"));
    }

    [Fact]
    public void ForJob_is_stable_per_job_and_step_and_differs_between_them()
    {
        TraceIds.ForJob("job_a").ShouldBe(TraceIds.ForJob("job_a"));
        TraceIds.ForJob("job_a").ShouldNotBe(TraceIds.ForJob("job_b"));
        TraceIds.ForJob("job_a", "upload:image").ShouldNotBe(TraceIds.ForJob("job_a"));
    }

    [Theory]
    [InlineData(640, 480, "16:9", 0, 60, 640, 360)]
    [InlineData(640, 360, "9:16", 219, 0, 202, 360)]
    [InlineData(1000, 1000, "4:3", 0, 125, 1000, 750)]
    [InlineData(640, 360, "16:9", 0, 0, 640, 360)]
    public void CropFor_is_a_centred_crop_to_the_ratio(
        int width,
        int height,
        string ratio,
        int left,
        int top,
        int cropWidth,
        int cropHeight)
    {
        ImageFitter.CropFor(width, height, ratio).ShouldBe((left, top, cropWidth, cropHeight));
    }
}
