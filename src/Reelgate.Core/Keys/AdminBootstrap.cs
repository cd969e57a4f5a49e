using Reelgate.Core.Pricing;

namespace Reelgate.Core.Keys;

/// <summary>
/// A start's request to make sure the bootstrap admin key exists. <see cref="Configured"/>: the operator named
/// the key (REELGATE_ADMIN_KEY), so a different stored bootstrap key is replaced (revoked) by it; otherwise a
/// generated key is stored only when the database has no bootstrap key yet. <see cref="Credit"/> is granted
/// only to the first bootstrap key of a database.
/// </summary>
public sealed record AdminBootstrap(NewApiKey Key, bool Configured, Money Credit, DateTimeOffset Now);

/// <summary>What a bootstrap did.</summary>
public abstract record AdminBootstrapOutcome
{
    private AdminBootstrapOutcome()
    {
    }

    /// <summary>The key was stored as the database's first bootstrap key, with the credit when <see cref="Credited"/>.</summary>
    public sealed record Created(bool Credited) : AdminBootstrapOutcome;

    /// <summary>The configured key was stored and the previous bootstrap key revoked (no credit).</summary>
    public sealed record Replaced(string PreviousKeyId) : AdminBootstrapOutcome;

    /// <summary>Nothing to do: the key is stored already, or (generated) the database has its admin.</summary>
    public sealed record Unchanged : AdminBootstrapOutcome;

    /// <summary>The configured key is stored but was revoked by an admin; it stays revoked.</summary>
    public sealed record ConfiguredKeyRevoked : AdminBootstrapOutcome;
}
