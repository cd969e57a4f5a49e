using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Storage.Blobs;
using Reelgate.Storage.Postgres;
using Reelgate.Storage.S3;
using Reelgate.Storage.Sql;
using Reelgate.Storage.Sqlite;

namespace Reelgate.Server.Startup;

/// <summary>
/// Chooses the stores. Jobs, keys and the ledger: SQLite in the data folder, or PostgreSQL when
/// REELGATE_DATABASE (Reelgate:Database) holds a connection string. Blobs: a folder in the data folder, or
/// an S3-compatible bucket when Reelgate:S3:Bucket (REELGATE_S3_BUCKET) or Reelgate:S3:ServiceUrl is set.
/// Several nodes need both shared: PostgreSQL and S3.
/// </summary>
public static class StorageRegistration
{
    public static IServiceCollection AddReelgateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var server = configuration.GetSection(ReelgateOptions.Section).Get<ReelgateOptions>() ?? new ReelgateOptions();
        if (UsesPostgres(configuration))
        {
            services.AddPostgresStorage(server.Database!);
            services.AddSingleton<IJobChangeObserver, JobChangeBridge>();
        }
        else
        {
            services.AddSqliteStorage(server.DataPath("reelgate.db"));
        }

        if (UsesS3(configuration))
        {
            services.AddOptions<S3Options>().Bind(configuration.GetSection(S3Options.Section)).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<S3BlobStore>();
            services.AddSingleton<IBlobStore>(sp => sp.GetRequiredService<S3BlobStore>());
        }
        else
        {
            services.AddSingleton<IBlobStore>(
                sp => new DiskBlobStore(sp.GetRequiredService<IOptions<ReelgateOptions>>().Value.DataPath("blobs")));
        }

        return services;
    }

    public static bool UsesPostgres(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ReelgateOptions.Section + ":Database"]);

    public static bool UsesS3(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[S3Options.Section + ":Bucket"])
        || !string.IsNullOrWhiteSpace(configuration[S3Options.Section + ":ServiceUrl"]);

    /// <summary>
    /// Null when the configured stores answer; else one line naming the setting to fix: a malformed or
    /// unreachable database, a bad S3 setting, a bucket that is missing or refuses the credentials.
    /// </summary>
    public static async Task<string?> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            var dialect = services.GetRequiredService<SqlDialect>();
            await using var connection = await dialect.OpenAsync(cancellationToken);
        }
        catch (ArgumentException e) when (services.GetService<IJobChangeObserver>() is not null)
        {
            return $"bad setting: REELGATE_DATABASE (Reelgate:Database) is not a valid PostgreSQL connection string: {e.Message}";
        }
        catch (DbException e)
        {
            var where = services.GetService<PostgresDialect>() is { } postgres
                ? Describe(postgres.ConnectionString)
                : "the SQLite file in the data folder";
            return $"cannot open the database ({where}): {e.Message}; check REELGATE_DATABASE (Reelgate:Database)";
        }

        S3BlobStore? s3;
        try
        {
            s3 = services.GetService<S3BlobStore>();
        }
        catch (OptionsValidationException e)
        {
            return "bad setting: " + string.Join("; ", e.Failures);
        }

        return s3 is null ? null : await s3.CheckBucketAsync(cancellationToken);
    }

    /// <summary>Where a connection string points, without its password.</summary>
    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database '{builder.Database}' at {builder.Host}:{builder.Port}";
    }
}
