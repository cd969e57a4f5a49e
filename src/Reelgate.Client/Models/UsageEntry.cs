namespace Reelgate.Client.Models;

/// <summary>One ledger row: kind credit, hold, charge or release; a signed amount; the available balance after it.</summary>
public sealed record UsageEntry(
    string Id, DateTimeOffset CreatedAt, string Kind, decimal Amount, string Currency, string? JobId, decimal AvailableAfter);
