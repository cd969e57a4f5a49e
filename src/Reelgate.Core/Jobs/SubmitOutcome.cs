using Reelgate.Core.Pricing;

namespace Reelgate.Core.Jobs;

/// <summary>What became of a submission.</summary>
public abstract record SubmitOutcome
{
    private SubmitOutcome()
    {
    }

    /// <summary>Stored, price held.</summary>
    public sealed record Accepted(Job Job) : SubmitOutcome;

    /// <summary>The same idempotency key and body as an earlier submission: that job, nothing new.</summary>
    public sealed record Replayed(Job Job) : SubmitOutcome;

    /// <summary>The idempotency key was used with another body.</summary>
    public sealed record IdempotencyMismatch(string JobId) : SubmitOutcome;

    public sealed record InsufficientCredits(Money Price, Money Available) : SubmitOutcome;

    public sealed record TooManyInFlight(int Limit) : SubmitOutcome;

    public sealed record DailySpendExceeded(Money Limit, Money Spent) : SubmitOutcome;

    /// <summary>The key vanished or was revoked between authentication and submission.</summary>
    public sealed record KeyUnavailable : SubmitOutcome;
}
