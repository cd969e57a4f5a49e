namespace Reelgate.Core.Keys;

/// <summary>What revoking a key did.</summary>
public enum RevokeOutcome
{
    /// <summary>The key was active and is revoked now.</summary>
    Revoked,

    /// <summary>No such key, or it was revoked already: nothing changed.</summary>
    Unchanged,

    /// <summary>The key is the last active admin key: revoking it would lock every admin out, so nothing changed.</summary>
    LastAdmin,
}
