namespace Reelgate.Core.Billing;

/// <summary>
/// The movements of a key's available credit. A hold takes a job's price out of available; on
/// completion a release gives it back and a charge takes it for good, in one transaction; on failure
/// or cancellation only the release is written. So available always equals the sum of the ledger.
/// </summary>
public enum LedgerKind
{
    Credit,
    Hold,
    Charge,
    Release,
}
