namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>One status poll of a provider's job.</summary>
public abstract record PollResult
{
    private PollResult()
    {
    }

    /// <summary>Still queued or running; the provider's own progress when it tells one.</summary>
    public sealed record Pending(int? Percent = null) : PollResult;

    /// <summary>Done: where the video is.</summary>
    public sealed record Succeeded(Uri OutputUrl) : PollResult;

    /// <summary>The provider failed the job for good.</summary>
    public sealed record Failed(ProviderError Error) : PollResult;

    /// <summary>The poll itself failed (network, 5xx, 429, malformed answer): poll again later.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : PollResult;
}
