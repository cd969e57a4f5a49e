using Reelgate.Core.Billing;
using Reelgate.Core.Keys;
using Reelgate.Core.Pricing;

namespace Reelgate.Core.Ports;

/// <summary>Keys, their balances and their ledgers, in the same store as jobs.</summary>
public interface IKeyStore
{
    /// <summary>Stores the key and, when it starts with credit, the credit's ledger row.</summary>
    Task CreateAsync(NewApiKey key, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ApiKey?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    Task<ApiKey?> GetAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every key, newest first, each with its balance, read together (one read, however many keys).</summary>
    Task<IReadOnlyList<KeyBalance>> ListWithBalancesAsync(CancellationToken cancellationToken);

    Task<bool> AnyAdminAsync(CancellationToken cancellationToken);

    /// <summary>Revokes an active key, unless it is the last active admin key (checked and done atomically).</summary>
    Task<RevokeOutcome> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the key's limits; false when the key does not exist.</summary>
    Task<bool> SetLimitsAsync(string keyId, KeyLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the bootstrap admin key exists, atomically across nodes starting together: one bootstrap key
    /// per database, its credit granted once, a configured key replacing (revoking) the previous bootstrap key.
    /// </summary>
    Task<AdminBootstrapOutcome> BootstrapAdminAsync(AdminBootstrap bootstrap, CancellationToken cancellationToken);

    /// <summary>Adds credit with a ledger row; null when the key does not exist.</summary>
    Task<Balance?> AddCreditsAsync(string keyId, Money amount, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Balance?> GetBalanceAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>The key's ledger, newest first; null when <c>after</c> is not one of its rows.</summary>
    Task<Page<LedgerEntry>?> ListLedgerAsync(string keyId, int limit, string? after, CancellationToken cancellationToken);
}
