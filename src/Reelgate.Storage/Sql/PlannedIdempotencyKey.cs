namespace Reelgate.Storage.Sql;

/// <summary>An idempotency key a batch stores for the job it accepted.</summary>
internal sealed record PlannedIdempotencyKey(string KeyId, string IdempotencyKey, string RequestHash, string JobId, long CreatedAt);
