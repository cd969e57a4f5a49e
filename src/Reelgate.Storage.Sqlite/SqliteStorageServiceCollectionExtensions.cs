using Microsoft.Extensions.DependencyInjection;
using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>Registers the SQLite-backed stores: jobs, keys and ledger, uploads, secrets, and their migrations.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(new SqliteDialect(databasePath));
        return services.AddSqlStores<SqliteDialect>(
            Migration.FromResources(typeof(SqliteDialect).Assembly, "Reelgate.Storage.Sqlite.Migrations."));
    }
}
