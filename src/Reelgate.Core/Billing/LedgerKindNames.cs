namespace Reelgate.Core.Billing;

/// <summary>The wire and storage names of ledger kinds.</summary>
public static class LedgerKindNames
{
    public static string ToWire(LedgerKind kind) => kind switch
    {
        LedgerKind.Credit => "credit",
        LedgerKind.Hold => "hold",
        LedgerKind.Charge => "charge",
        LedgerKind.Release => "release",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static LedgerKind Parse(string wire) => wire switch
    {
        "credit" => LedgerKind.Credit,
        "hold" => LedgerKind.Hold,
        "charge" => LedgerKind.Charge,
        "release" => LedgerKind.Release,
        _ => throw new ArgumentOutOfRangeException(nameof(wire), wire, "unknown ledger kind"),
    };
}
