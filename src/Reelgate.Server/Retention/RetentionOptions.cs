using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Retention;

/// <summary>The sweeper, section "Reelgate:Retention" (how long files are kept is Reelgate:OutputRetention).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Reelgate:Retention";

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00",
        ErrorMessage = "Reelgate:Retention:SweepInterval must be between 50 ms and 1 day")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
