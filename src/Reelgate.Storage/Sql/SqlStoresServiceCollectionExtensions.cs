using Microsoft.Extensions.DependencyInjection;
using Reelgate.Core.Ports;
using Reelgate.Storage.Migrations;

namespace Reelgate.Storage.Sql;

/// <summary>The stores over the shared SQL, the same on every backend; the backend brings its dialect and migrations.</summary>
public static class SqlStoresServiceCollectionExtensions
{
    /// <summary>Registers the stores on the <typeparamref name="TDialect"/> the backend has registered, and its migrations.</summary>
    public static IServiceCollection AddSqlStores<TDialect>(this IServiceCollection services, IReadOnlyList<Migration> migrations)
        where TDialect : SqlDialect
    {
        services.AddSingleton<SqlDialect>(sp => sp.GetRequiredService<TDialect>());
        services.AddSingleton(migrations);
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
