using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Server.Features.Keys;

/// <summary>
/// The <c>limits</c> object of a request: each limit left out keeps the value it is applied to (the defaults
/// for a new key, the current limits for PATCH), <c>null</c> removes it, a value sets it.
/// </summary>
public sealed record LimitsPatch(
    Settable<Money?> SpendPerDay, Settable<int?> JobsInFlight, Settable<int?> RequestsPerMinute, Settable<long?> UploadBytes)
{
    public static LimitsPatch Unchanged { get; } = new(default, default, default, default);

    public KeyLimits ApplyTo(KeyLimits current) => new(
        SpendPerDay.Or(current.SpendPerDay),
        JobsInFlight.Or(current.JobsInFlight),
        RequestsPerMinute.Or(current.RequestsPerMinute),
        UploadBytes.Or(current.UploadBytes));
}
