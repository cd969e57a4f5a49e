namespace Reelgate.Core.Billing;

/// <summary>Where a job's price stands: held at submit, charged on completion, released otherwise.</summary>
public enum CostState
{
    Held,
    Charged,
    Released,
}
