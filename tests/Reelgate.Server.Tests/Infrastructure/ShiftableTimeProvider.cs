namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// The system clock plus an offset a test can move forward (to expire URLs, pass a day). Timers stay real,
/// so workers and streams keep running while the test travels in time.
/// </summary>
public sealed class ShiftableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
