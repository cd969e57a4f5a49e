namespace Reelgate.Storage.Sql;

/// <summary>An idempotency key to delete if it is older than the cutoff, before a batch may store it anew.</summary>
internal sealed record IdempotencyPurge(string KeyId, string IdempotencyKey, long Cutoff);
