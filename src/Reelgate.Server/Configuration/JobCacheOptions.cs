using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Configuration;

/// <summary>
/// The poll's copy of recently read jobs (<see cref="Features.Jobs.JobReadCache"/>), section "Reelgate:JobCache".
/// </summary>
public sealed class JobCacheOptions
{
    public const string Section = "Reelgate:JobCache";

    /// <summary>
    /// The oldest copy a poll is answered from. Every change made through a node, and every change PostgreSQL
    /// announces, drops the copy at once; this bounds only what no announcement reaches (a listener connection
    /// that died silently, a write by hand, another process on the same SQLite file). 0 turns the cache off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00",
        ErrorMessage = "Reelgate:JobCache:MaxAge must be between 0 and 365 days")]
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The memory the copies may take, estimated from their text; the oldest unused go first.</summary>
    [Range(1, 65_536, ErrorMessage = "Reelgate:JobCache:MaxMegabytes must be between 1 and 65536")]
    public int MaxMegabytes { get; set; } = 32;
}
