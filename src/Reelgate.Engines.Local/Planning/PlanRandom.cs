namespace Reelgate.Engines.Local.Planning;

/// <summary>
/// SplitMix64: a tiny PRNG with a fixed algorithm, so the same seed gives the same plan on every .NET
/// version and machine (System.Random's sequence is not a documented contract). Forks give each aspect
/// of the plan its own stream, so leaving one thing out does not reshuffle the others.
/// </summary>
public sealed class PlanRandom
{
    private ulong _state;

    public PlanRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>An independent stream derived from this one's seed and a name (FNV-1a of the name).</summary>
    public static PlanRandom Fork(ulong seed, string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return new PlanRandom(Mix(seed ^ hash));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => count <= 0 ? 0 : (int)(NextUInt64() % (ulong)count);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
