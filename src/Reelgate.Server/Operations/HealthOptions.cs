using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Operations;

/// <summary>The health endpoints, section "Reelgate:Health".</summary>
public sealed class HealthOptions
{
    public const string Section = "Reelgate:Health";

    /// <summary>How long /readyz answers from its last check, so a flood of probes costs one check per interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "Reelgate:Health:ReadyCacheFor must be between 0 and 5 minutes")]
    public TimeSpan ReadyCacheFor { get; set; } = TimeSpan.FromSeconds(5);
}
