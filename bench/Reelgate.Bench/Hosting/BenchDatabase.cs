using Npgsql;

namespace Reelgate.Bench.Hosting;

/// <summary>
/// An empty PostgreSQL database for one suite, on the server scripts/bench.sh starts (scripts/test-services.sh, named by
/// REELGATE_TEST_POSTGRES), dropped on dispose.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>A connection string to a maintenance database of the PostgreSQL server, or null when none is given.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("REELGATE_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server, CancellationToken cancellationToken)
    {
        var database = new BenchDatabase(server, "reelgate_bench_" + Guid.NewGuid().ToString("N")[..16]);
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
