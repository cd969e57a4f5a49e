namespace Reelgate.Client.Models;

/// <summary>
/// A key's limits; null means unlimited. Sent on a new key, a limit left null gets the server's default.
/// <see cref="UploadBytes"/> caps the bytes of the key's stored uploads.
/// </summary>
public sealed record KeyLimits(
    decimal? SpendPerDay = null, int? JobsInFlight = null, int? RequestsPerMinute = null, long? UploadBytes = null);
