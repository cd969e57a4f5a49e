namespace Reelgate.Core.Billing;

/// <summary>The wire and storage names of cost states ("held", "charged", "released").</summary>
public static class CostStateNames
{
    public static string ToWire(CostState state) => state switch
    {
        CostState.Held => "held",
        CostState.Charged => "charged",
        CostState.Released => "released",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static CostState Parse(string wire) => wire switch
    {
        "held" => CostState.Held,
        "charged" => CostState.Charged,
        "released" => CostState.Released,
        _ => throw new ArgumentOutOfRangeException(nameof(wire), wire, "unknown cost state"),
    };
}
