using System.ComponentModel.DataAnnotations;

namespace Reelgate.Server.Configuration;

/// <summary>Deployment settings, section "Reelgate" (the REELGATE_* variables map onto it).</summary>
public sealed class ReelgateOptions
{
    public const string Section = "Reelgate";

    /// <summary>The embedded default's home: the SQLite file, outputs, uploads, work folders.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>The admin key to create instead of a random one; long enough that it cannot be guessed.</summary>
    [MinLength(MinAdminKeyLength,
        ErrorMessage = "REELGATE_ADMIN_KEY (Reelgate:AdminKey) must be at least 32 characters; a random key is printed when it is unset")]
    public string? AdminKey { get; set; }

    public const int MinAdminKeyLength = 32;

    /// <summary>Credit given to the bootstrap admin key, so the seed's cURL works at once.</summary>
    [RegularExpression(@"^\d{1,9}(\.\d{1,6})?$", ErrorMessage = "Reelgate:BootstrapCredits must be an amount like \"1000.00\"")]
    public string BootstrapCredits { get; set; } = "1000.00";

    /// <summary>The base of absolute output URLs behind a proxy; the request's scheme and host when empty.</summary>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>A PostgreSQL connection string; SQLite in the data folder when absent.</summary>
    public string? Database { get; set; }

    /// <summary>How long outputs stay downloadable after a job completes (and then are deleted).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "Reelgate:OutputRetention must be between 1 minute and 10 years")]
    public TimeSpan OutputRetention { get; set; } = TimeSpan.FromDays(7);

    public string DataPath(params string[] parts) => Path.Combine([Path.GetFullPath(DataDir), .. parts]);
}
