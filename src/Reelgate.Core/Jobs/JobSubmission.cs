using Reelgate.Core.Keys;

namespace Reelgate.Core.Jobs;

/// <summary>
/// A new job with its price to hold. The store accepts it, replays an earlier job of the same
/// idempotency key, or refuses it, all in one transaction with the hold.
/// </summary>
public sealed record JobSubmission(
    Job Job,
    KeyLimits Limits,
    string? IdempotencyKey,
    string? RequestHash,
    DateTimeOffset IdempotencyCutoff,
    DateTimeOffset SpendDayStart);
