using System.ComponentModel.DataAnnotations;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Server.Configuration;

/// <summary>
/// The limits a key made with POST /v1/keys gets for each limit its request leaves out, section
/// "Reelgate:Limits:Defaults". 0 (or an empty SpendPerDay) gives no default for that limit. The limits are
/// stored on the key when it is made, so changing a default later does not change existing keys; admins raise
/// or clear a key's limits with PATCH /v1/keys/{id}/limits. The bootstrap admin key has no limits.
/// </summary>
public sealed class KeyLimitDefaultsOptions
{
    public const string Section = "Reelgate:Limits:Defaults";

    [LimitRange(Section, 1_000_000, ZeroMeans = "none")]
    public int RequestsPerMinute { get; set; } = 600;

    [LimitRange(Section, 100_000, ZeroMeans = "none")]
    public int JobsInFlight { get; set; } = 50;

    /// <summary>Bytes of stored (normalised) uploads; 1 GiB by default.</summary>
    [LimitRange(Section, 1L << 40, ZeroMeans = "none")]
    public long UploadBytes { get; set; } = 1L << 30;

    /// <summary>USD a day, as a decimal string ("5.00"); none by default.</summary>
    [RegularExpression(@"^\d{1,9}(\.\d{1,6})?$", ErrorMessage = "Reelgate:Limits:Defaults:SpendPerDay must be an amount like \"5.00\"")]
    public string? SpendPerDay { get; set; }

    public KeyLimits ToLimits() => new(
        string.IsNullOrEmpty(SpendPerDay) || Money.Parse(SpendPerDay) == Money.Zero ? null : Money.Parse(SpendPerDay),
        JobsInFlight == 0 ? null : JobsInFlight,
        RequestsPerMinute == 0 ? null : RequestsPerMinute,
        UploadBytes == 0 ? null : UploadBytes);
}
