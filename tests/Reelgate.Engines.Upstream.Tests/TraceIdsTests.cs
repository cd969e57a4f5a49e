using Reelgate.Engines.Upstream.Jobs;

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
}
