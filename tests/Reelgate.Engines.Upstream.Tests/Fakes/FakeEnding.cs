namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>How a fake provider's jobs end.</summary>
public enum FakeEnding
{
    Done,
    Moderated,
    Failed,

    /// <summary>Never: the job stays in progress (a timeout test), or until <see cref="FakeProvider.Hold"/> is lifted.</summary>
    Never,
}
