namespace Reelgate.Engines.Local.Tests;

/// <summary>Waits for a condition by polling, failing at a deadline (no fixed sleeps in tests).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > deadline)
            {
                throw new TimeoutException($"the condition did not hold within {deadline}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }
}
