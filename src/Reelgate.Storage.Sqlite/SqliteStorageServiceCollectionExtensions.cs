using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Ports;
using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Sqlite;

/// <summary>Registers the SQLite-backed stores: jobs, keys and ledger, uploads, secrets, and their migrations.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        services.AddSingleton(new SqliteDialect(databasePath));
        services.AddSingleton<SqlDialect>(sp => sp.GetRequiredService<SqliteDialect>());
        services.AddSingleton<IReadOnlyList<Migration>>(
            Migration.FromResources(typeof(SqliteDialect).Assembly, "Reelgate.Storage.Sqlite.Migrations."));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IJobStore, SqlJobStore>();
        services.AddSingleton<IKeyStore, SqlKeyStore>();
        services.AddSingleton<IUploadStore, SqlUploadStore>();
        services.AddSingleton<IUploadQuotaStore, SqlUploadStore>();
        services.AddSingleton<ISecretStore, SqlSecretStore>();
        services.AddSingleton<ISigningKeyStore, SqlSigningKeyStore>();
        return services;
    }
}
