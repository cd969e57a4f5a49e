using Reelgate.Core.Pricing;

namespace Reelgate.Core.Keys;

/// <summary>Optional limits on a key; null means unlimited.</summary>
public sealed record KeyLimits(Money? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null)
{
    public static KeyLimits None { get; } = new();
}
