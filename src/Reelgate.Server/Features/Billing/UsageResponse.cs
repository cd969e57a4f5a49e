namespace Reelgate.Server.Features.Billing;

/// <summary>One ledger row: a signed movement of available credit and the balance after it.</summary>
public sealed record UsageEntryResponse(
    string Id, DateTimeOffset CreatedAt, string Kind, string Amount, string Currency, string? JobId, string AvailableAfter);

/// <summary>A page of the key's ledger, newest first.</summary>
public sealed record UsageResponse(string Object, IReadOnlyList<UsageEntryResponse> Data, bool HasMore, string? NextCursor);
