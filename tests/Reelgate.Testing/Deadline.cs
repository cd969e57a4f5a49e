using System.Diagnostics;

namespace Reelgate.Testing;

/// <summary>A time budget for a polling loop: tests poll for what they wait for and fail with a message once it runs out.</summary>
public sealed class Deadline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _budget;

    private Deadline(TimeSpan budget)
    {
        _budget = budget;
    }

    public static Deadline After(TimeSpan budget) => new(budget);

    public bool Passed => _clock.Elapsed > _budget;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Throws a <see cref="TimeoutException"/> saying what did not happen once the budget is spent.</summary>
    public void ThrowIfPassed(string whatDidNotHappen)
    {
        if (Passed)
        {
            throw new TimeoutException($"{whatDidNotHappen} within {_budget}");
        }
    }
}
