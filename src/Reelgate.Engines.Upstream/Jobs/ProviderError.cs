namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>A provider's error as read from its answer: what it means, and its own code and message.</summary>
public sealed record ProviderError(ProviderErrorKind Kind, string? Code, string? Message)
{
    /// <summary>How long the provider asked us to wait (Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
