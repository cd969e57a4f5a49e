namespace Reelgate.Testing;

/// <summary>
/// The one way tests wait for something: poll until it holds, failing with a <see cref="TimeoutException"/> once the
/// timeout (a <see cref="Deadline"/>) passes. Pauses start short and grow to a fifth of a second, never a fixed sleep.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(200);

    /// <param name="condition">Checked before each pause.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="cancellationToken">The test's token.</param>
    /// <param name="what">What did not happen, for the failure message; read only when the timeout passes.</param>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? what = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, cancellationToken, what);

    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan, CancellationToken, Func{string}?)"/>
    public static async Task UntilAsync(
        Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? what = null) =>
        await UntilAsync(async () => await condition() ? string.Empty : null, timeout, cancellationToken, what);

    /// <summary>Polls the probe until it returns a value, and returns that value.</summary>
    /// <inheritdoc cref="UntilAsync(Func{bool}, TimeSpan, CancellationToken, Func{string}?)"/>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T?>> probe, TimeSpan timeout, CancellationToken cancellationToken, Func<string>? what = null)
        where T : class
    {
        var deadline = Deadline.After(timeout);
        var pause = FirstPause;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            deadline.ThrowIfPassed(what?.Invoke() ?? "the condition did not hold");
            await Task.Delay(pause, cancellationToken);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }
}
