namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>What a provider's refusal means for Reelgate, read from its status code or error body.</summary>
public enum ProviderErrorKind
{
    /// <summary>Refused by the provider's content moderation.</summary>
    Moderation,

    /// <summary>The provider account has no balance or credits left.</summary>
    InsufficientBalance,

    /// <summary>Too many requests or concurrent generations.</summary>
    RateLimited,

    /// <summary>The key is missing, wrong or not allowed.</summary>
    Unauthorized,

    /// <summary>The provider refused a parameter.</summary>
    Invalid,

    /// <summary>Not reachable, a 5xx, or a timed-out call.</summary>
    Unavailable,

    /// <summary>Anything else: kept as the provider said it.</summary>
    Unknown,
}
