using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reelgate.Core.Ports;
using Reelgate.Storage.Migrations;
using Reelgate.Storage.Sql;

namespace Reelgate.Storage.Postgres;

/// <summary>Registers the PostgreSQL-backed stores (the shared SQL over <see cref="PostgresDialect"/>), their migrations,
/// and the job-change listener.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    public const string MigrationResourcePrefix = "Reelgate.Storage.Postgres.Migrations.";

    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new PostgresDialect(connectionString));
        services.AddSingleton<SqlDialect>(sp => sp.GetRequiredService<PostgresDialect>());
        services.AddSingleton<IReadOnlyList<Migration>>(Migrations());
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IJobStore, SqlJobStore>();
        services.AddSingleton<IKeyStore, SqlKeyStore>();
        services.AddSingleton<IUploadStore, SqlUploadStore>();
        services.AddSingleton<IUploadQuotaStore, SqlUploadStore>();
        services.AddSingleton<ISecretStore, SqlSecretStore>();
        services.AddSingleton<ISigningKeyStore, SqlSigningKeyStore>();
        services.AddSingleton<IHostedService, PostgresJobChangeListener>();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations() =>
        Migration.FromResources(typeof(PostgresDialect).Assembly, MigrationResourcePrefix);
}
