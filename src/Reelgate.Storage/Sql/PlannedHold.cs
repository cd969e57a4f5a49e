namespace Reelgate.Storage.Sql;

/// <summary>A hold a batch writes: the ledger row of one accepted job, with the key's available credit after it.</summary>
internal sealed record PlannedHold(string LedgerId, string KeyId, long Price, string JobId, long AvailableAfter, long CreatedAt);
