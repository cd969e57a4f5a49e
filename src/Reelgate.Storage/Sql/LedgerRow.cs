using Reelgate.Core.Billing;
using Reelgate.Core.Pricing;

namespace Reelgate.Storage.Sql;

/// <summary>A row of the ledger table as Dapper reads it.</summary>
internal sealed class LedgerRow
{
    public const string Columns =
        "id AS Id, key_id AS KeyId, created_at AS CreatedAt, kind AS Kind, amount_micros AS Amount, job_id AS JobId, " +
        "available_after_micros AS AvailableAfter";

    public string Id { get; set; } = "";

    public string KeyId { get; set; } = "";

    public long CreatedAt { get; set; }

    public string Kind { get; set; } = "";

    public long Amount { get; set; }

    public string? JobId { get; set; }

    public long AvailableAfter { get; set; }

    public LedgerEntry ToEntry() => new(
        Id, KeyId, UnixTime.At(CreatedAt), LedgerKindNames.Parse(Kind), new Money(Amount), JobId, new Money(AvailableAfter));
}
