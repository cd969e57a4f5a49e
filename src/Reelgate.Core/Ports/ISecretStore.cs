namespace Reelgate.Core.Ports;

/// <summary>
/// Server-wide secrets (the key that signs output URLs) kept in the database, so every node of a
/// deployment shares them. The first caller's value wins a race; everyone reads the same one.
/// </summary>
public interface ISecretStore
{
    Task<string> GetOrCreateAsync(string name, Func<string> create, CancellationToken cancellationToken);
}
