namespace Reelgate.Storage.Sql;

/// <summary>
/// What a batch of submissions reads before it decides anything, read once for the whole batch while the batch
/// holds its keys' rows: each key's available credit (null when revoked or gone), jobs in flight (for keys with
/// that limit), spend since each day start asked for, and the stored idempotency keys the batch names.
/// </summary>
internal sealed class SubmissionFacts
{
    public Dictionary<string, long?> Available { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> InFlight { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string KeyId, long Since), long> Spent { get; } = [];

    public Dictionary<(string KeyId, string IdempotencyKey), EarlierSubmission> Earlier { get; } = [];
}
