namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>A fault for the next <see cref="Times"/> requests that match.</summary>
public sealed class FaultRule(Func<ProxiedRequest, bool> match, FaultKind kind, int times)
{
    private int _left = times;

    public FaultKind Kind { get; } = kind;

    public long CutAfterBytes { get; init; }

    /// <summary>
    /// How long a cut body waits before the connection is aborted. The abort may reset the connection, and a reset makes
    /// the client's kernel drop what it received and has not read yet (on a busy machine even the status line), so
    /// without a pause the client may see a failed request rather than a body that broke off.
    /// </summary>
    public TimeSpan PauseBeforeCut { get; init; }

    public int Status { get; init; } = 503;

    public string? RetryAfter { get; init; } = "0";

    public int Times { get; } = times;

    /// <summary>True (and one use spent) when the rule applies to this request.</summary>
    public bool TryApply(ProxiedRequest request) =>
        match(request) && Interlocked.Decrement(ref _left) >= 0;
}
