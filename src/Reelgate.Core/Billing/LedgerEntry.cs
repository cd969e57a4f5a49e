using Reelgate.Core.Pricing;

namespace Reelgate.Core.Billing;

/// <summary>One row of a key's ledger: a signed movement of available credit and the balance after it.</summary>
public sealed record LedgerEntry(
    string Id,
    string KeyId,
    DateTimeOffset CreatedAt,
    LedgerKind Kind,
    Money Amount,
    string? JobId,
    Money AvailableAfter);
