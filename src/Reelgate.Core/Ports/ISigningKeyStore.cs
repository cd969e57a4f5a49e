using Reelgate.Core.Keys;

namespace Reelgate.Core.Ports;

/// <summary>The keys that sign output URLs, shared by every node of a deployment through the database.</summary>
public interface ISigningKeyStore
{
    /// <summary>Every key, retired ones included, oldest first.</summary>
    Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new key; false when a key with its id exists already (another node added it first).</summary>
    Task<bool> AddAsync(SigningKey key, CancellationToken cancellationToken);

    /// <summary>Retires an active key; false when it does not exist or was retired already.</summary>
    Task<bool> RetireAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
