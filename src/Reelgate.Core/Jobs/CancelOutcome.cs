namespace Reelgate.Core.Jobs;

/// <summary>What a cancel request did.</summary>
public abstract record CancelOutcome
{
    private CancelOutcome()
    {
    }

    public sealed record Cancelled(Job Job) : CancelOutcome;

    /// <summary>The job had already reached a final state; it is returned as it is.</summary>
    public sealed record AlreadyFinal(Job Job) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;
}
