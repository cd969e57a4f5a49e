namespace Reelgate.Core.Jobs;

/// <summary>How a processing job goes back to the queue.</summary>
/// <param name="CountAttempt">Whether the attempt it just had counts towards the job's limit.</param>
/// <param name="RetryAt">Not claimed again before this time (a back-off), or at once when null.</param>
/// <param name="FreeHandBacks">A hand-back beyond this many counts its attempt after all, so no job circulates forever.</param>
public sealed record JobRelease(bool CountAttempt, DateTimeOffset? RetryAt, int FreeHandBacks)
{
    /// <summary>Handed back at shutdown: the attempt is free for the first <paramref name="freeHandBacks"/> times.</summary>
    public static JobRelease HandBack(int freeHandBacks) => new(false, null, freeHandBacks);

    /// <summary>A retryable failure: the attempt counts, and the job waits until <paramref name="retryAt"/>.</summary>
    public static JobRelease Retry(DateTimeOffset? retryAt) => new(true, retryAt, 0);
}
