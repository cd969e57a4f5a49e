using Npgsql;

namespace Reelgate.Testing;

/// <summary>An empty database created on the test PostgreSQL server for one test (or fixture), dropped on dispose.</summary>
public sealed class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string _server;

    private ThrowawayDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <param name="server">A connection string to any database of the server (<see cref="TestServices.Postgres"/>).</param>
    /// <param name="cancellationToken">Stops waiting for the server.</param>
    public static async Task<ThrowawayDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var database = new ThrowawayDatabase(server, "reelgate_test_" + Guid.NewGuid().ToString("N")[..16]);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.Name}", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync() =>
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);

    private async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
