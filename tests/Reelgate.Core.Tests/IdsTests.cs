using System.Collections.Concurrent;
using Reelgate.Core.Jobs;

namespace Reelgate.Core.Tests;

public sealed class IdsTests
{
    private static readonly DateTimeOffset SameMillisecond = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_made_in_one_millisecond_on_many_threads_never_repeat()
    {
        // The random part comes from a per-thread block of generator output: a block handed out twice, or shared
        // between threads, would repeat an id here. 4 threads x 5,000 ids crosses each block's end many times.
        var seen = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                seen.TryAdd(Ids.New(Ids.JobPrefix, SameMillisecond), 0).ShouldBeTrue();
            }
        });

        seen.Count.ShouldBe(20_000);
    }

    [Fact]
    public void The_random_part_uses_every_character_evenly()
    {
        // 80 random bits in 16 characters: over 20,000 ids each of the 32 characters shows about 10,000 times.
        var counts = new int[128];
        for (var i = 0; i < 20_000; i++)
        {
            foreach (var c in Ids.New(Ids.JobPrefix, SameMillisecond).AsSpan(Ids.JobPrefix.Length + 10))
            {
                counts[c]++;
            }
        }

        var used = counts.Where(count => count > 0).ToArray();
        used.Length.ShouldBe(32);
        used.ShouldAllBe(count => count > 9_000 && count < 11_000);
    }

    [Fact]
    public void Ids_sort_by_time_and_are_well_formed()
    {
        var earlier = Ids.New(Ids.JobPrefix, SameMillisecond);
        var later = Ids.New(Ids.JobPrefix, SameMillisecond.AddMilliseconds(1));

        string.CompareOrdinal(earlier, later).ShouldBeLessThan(0);
        Ids.IsWellFormed(earlier, Ids.JobPrefix).ShouldBeTrue();
        Ids.IsWellFormed(earlier, Ids.KeyPrefix).ShouldBeFalse();
    }
}
