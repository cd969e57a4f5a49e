using Microsoft.Extensions.Configuration.Memory;

namespace Reelgate.Server.Configuration;

/// <summary>
/// Log levels that keep secrets out of the logs by default. ASP.NET Core's request lines (category
/// Microsoft.AspNetCore.Hosting.Diagnostics) print every URL with its query, which for /files is the signature of a
/// signed output URL; HttpClient's lines (System.Net.Http.HttpClient.*) print every URL fetched, and a provider's media
/// link is itself a credential. Both start at Warning. They are the first configuration source, so appsettings, the
/// environment (Logging__LogLevel__...) or the command line can still turn them up while debugging.
/// </summary>
public static class LogDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    public static void AddQuietLogDefaults(this ConfigurationManager configuration)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
    }
}
