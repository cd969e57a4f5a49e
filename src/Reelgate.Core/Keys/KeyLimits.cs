using Reelgate.Core.Pricing;

namespace Reelgate.Core.Keys;

/// <summary>Optional limits on a key; null means unlimited. <see cref="UploadBytes"/> caps the bytes of its stored uploads.</summary>
public sealed record KeyLimits(Money? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null, long? UploadBytes = null)
{
    public static KeyLimits None { get; } = new();
}
