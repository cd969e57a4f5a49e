using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Configuration;
using Reelgate.Storage.Blobs;
using Reelgate.Storage.Sqlite;

namespace Reelgate.Server.Startup;

/// <summary>Chooses the stores: the embedded default (SQLite and disk in the data folder), or what configuration names.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddReelgateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var server = configuration.GetSection(ReelgateOptions.Section).Get<ReelgateOptions>() ?? new ReelgateOptions();
        services.AddSqliteStorage(server.DataPath("reelgate.db"));
        services.AddSingleton<IBlobStore>(sp => new DiskBlobStore(sp.GetRequiredService<IOptions<ReelgateOptions>>().Value.DataPath("blobs")));
        return services;
    }
}
