namespace Reelgate.Client.Models;

/// <summary>A key's limits; null means unlimited.</summary>
public sealed record KeyLimits(decimal? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null);
