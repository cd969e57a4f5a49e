using System.Security.Cryptography;

namespace Reelgate.Server.Webhooks;

/// <summary>When to try a failed delivery again: the schedule's next wait with ±10% jitter, or never after the last.</summary>
public static class WebhookRetryPolicy
{
    /// <param name="schedule">The waits between attempts.</param>
    /// <param name="attemptsMade">Attempts made so far, including the one that just failed.</param>
    /// <param name="now">The time of the failed attempt.</param>
    public static DateTimeOffset? NextAttempt(IReadOnlyList<TimeSpan> schedule, int attemptsMade, DateTimeOffset now)
    {
        if (attemptsMade > schedule.Count)
        {
            return null;
        }

        var wait = schedule[attemptsMade - 1];
        var jitter = (RandomNumberGenerator.GetInt32(-1000, 1001) / 10_000.0) * wait.TotalMilliseconds;
        return now + wait + TimeSpan.FromMilliseconds(jitter);
    }
}
