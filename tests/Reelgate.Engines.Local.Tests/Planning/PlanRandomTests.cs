using Reelgate.Engines.Local.Planning;

namespace Reelgate.Engines.Local.Tests.Planning;

public sealed class PlanRandomTests
{
    [Fact]
    public void NextUInt64_matches_the_SplitMix64_reference_when_seeded_with_zero()
    {
        // The published SplitMix64 sequence for seed 0: the same on every .NET version and machine.
        var random = new PlanRandom(0);

        random.NextUInt64().ShouldBe(0xE220A8397B1DCDAFUL);
        random.NextUInt64().ShouldBe(0x6E789E6AA1B965F4UL);
        random.NextUInt64().ShouldBe(0x06C45D188009454FUL);
    }

    [Fact]
    public void Fork_gives_the_same_stream_when_seed_and_name_repeat_and_another_when_the_name_changes()
    {
        var a = PlanRandom.Fork(42, "particles");
        var b = PlanRandom.Fork(42, "particles");
        var c = PlanRandom.Fork(42, "beats");

        var first = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToList();
        Enumerable.Range(0, 5).Select(_ => b.NextUInt64()).ShouldBe(first);
        Enumerable.Range(0, 5).Select(_ => c.NextUInt64()).ShouldNotBe(first);
    }

    [Fact]
    public void NextDouble_and_Next_stay_in_range_when_drawn_many_times()
    {
        var random = new PlanRandom(7);
        for (var i = 0; i < 10_000; i++)
        {
            random.NextDouble().ShouldBeInRange(0, 0.9999999999);
            random.Next(5).ShouldBeInRange(0, 4);
        }
    }
}
