using Dapper;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Signing keys in the signing_keys table (migration 005).</summary>
public sealed class SqlSigningKeyStore(SqlDialect dialect) : ISigningKeyStore
{
    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Secret, long CreatedAt, long? RetiredAt)>(new CommandDefinition(
            "SELECT id, secret, created_at, retired_at FROM signing_keys ORDER BY created_at, id", cancellationToken: cancellationToken));
        return rows.Select(r => new SigningKey(r.Id, r.Secret, UnixTime.At(r.CreatedAt), UnixTime.At(r.RetiredAt))).ToList();
    }

    public async Task<bool> AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signing_keys (id, secret, created_at, retired_at) VALUES (@Id, @Secret, @CreatedAt, NULL) " +
            "ON CONFLICT (id) DO NOTHING",
            new { key.Id, key.Secret, CreatedAt = UnixTime.Ms(key.CreatedAt) }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<bool> RetireAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_keys SET retired_at = @Now WHERE id = @Id AND retired_at IS NULL",
            new { Id = id, Now = UnixTime.Ms(now) }, cancellationToken: cancellationToken));
        return updated == 1;
    }
}
