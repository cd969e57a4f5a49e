using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        services.AddSqlStores<PostgresDialect>(Migrations());
        services.AddSingleton<IHostedService, PostgresJobChangeListener>();
        return services;
    }

    public static IReadOnlyList<Migration> Migrations() =>
        Migration.FromResources(typeof(PostgresDialect).Assembly, MigrationResourcePrefix);
}
