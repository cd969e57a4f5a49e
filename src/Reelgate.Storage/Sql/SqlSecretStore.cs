using Dapper;
using Reelgate.Core.Ports;

namespace Reelgate.Storage.Sql;

/// <summary>Server secrets in the settings table: insert-if-absent, then read back whichever value won.</summary>
public sealed class SqlSecretStore(SqlDialect dialect) : ISecretStore
{
    public async Task<string> GetOrCreateAsync(string name, Func<string> create, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO settings (name, value) VALUES (@Name, @Value) ON CONFLICT (name) DO NOTHING",
            new { Name = name, Value = create() }, cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<string>(new CommandDefinition(
            "SELECT value FROM settings WHERE name = @Name", new { Name = name }, cancellationToken: cancellationToken));
    }
}
