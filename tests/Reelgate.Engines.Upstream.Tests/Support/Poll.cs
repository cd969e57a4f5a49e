using System.Diagnostics;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Waits for a condition with a deadline (never a fixed sleep).</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? timeout = null, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"waited {clock.Elapsed} for {what ?? "a condition"}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, CancellationToken cancellationToken, TimeSpan? timeout = null, string? what = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"waited {clock.Elapsed} for {what ?? "a condition"}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
