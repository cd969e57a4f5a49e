namespace Reelgate.Server.Configuration;

/// <summary>
/// Simulated faults (metadata.reelgate_simulate), section "Reelgate:Simulation" (REELGATE_SIMULATION sets Enabled).
/// Off by default: on a shared server any key could otherwise stall workers for free. Keys an admin marks as test
/// keys may simulate regardless; for every other key the metadata is only echoed.
/// </summary>
public sealed class SimulationOptions
{
    public const string Section = "Reelgate:Simulation";

    public bool Enabled { get; set; }
}
