namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>A fault for the next <see cref="Times"/> requests that match.</summary>
public sealed class FaultRule(Func<ProxiedRequest, bool> match, FaultKind kind, int times)
{
    private int _left = times;

    public FaultKind Kind { get; } = kind;

    public long CutAfterBytes { get; init; }

    public int Status { get; init; } = 503;

    public string? RetryAfter { get; init; } = "0";

    public int Times { get; } = times;

    /// <summary>True (and one use spent) when the rule applies to this request.</summary>
    public bool TryApply(ProxiedRequest request) =>
        match(request) && Interlocked.Decrement(ref _left) >= 0;
}
