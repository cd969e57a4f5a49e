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

    [Range(0, 1_000_000, ErrorMessage = "Reelgate:Limits:Defaults:RequestsPerMinute must be a whole number from 0 (none) to 1000000")]
    public int RequestsPerMinute { get; set; } = 600;

    [Range(0, 100_000, ErrorMessage = "Reelgate:Limits:Defaults:JobsInFlight must be a whole number from 0 (none) to 100000")]
    public int JobsInFlight { get; set; } = 50;

    /// <summary>Bytes of stored (normalised) uploads; 1 GiB by default.</summary>
    [Range(0L, 1L << 40, ErrorMessage = "Reelgate:Limits:Defaults:UploadBytes must be a whole number from 0 (none) to 1099511627776")]
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
