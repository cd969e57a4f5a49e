using Microsoft.Extensions.DependencyInjection;
using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>
/// Registers the SQLite-backed stores: jobs, keys and ledger, uploads, secrets, and their migrations; and the
/// background checkpointer that keeps the write-ahead log short.
/// </summary>
public static class SqliteStorageServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(new SqliteDialect(databasePath));
        services.AddHostedService<SqliteCheckpointer>();
        return services.AddSqlStores<SqliteDialect>(
            Migration.FromResources(typeof(SqliteDialect).Assembly, "Reelgate.Storage.Sqlite.Migrations."));
    }
}
