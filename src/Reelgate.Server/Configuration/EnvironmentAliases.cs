using Microsoft.Extensions.Configuration.CommandLine;

namespace Reelgate.Server.Configuration;

/// <summary>
/// The contract's REELGATE_* variables, mapped onto configuration keys. They override appsettings and the
/// ASP.NET-style variables (Reelgate__DataDir) but not the command line.
/// </summary>
public static class EnvironmentAliases
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["REELGATE_DATA_DIR"] = "Reelgate:DataDir",
        ["REELGATE_ADMIN_KEY"] = "Reelgate:AdminKey",
        ["REELGATE_ALLOW_PRIVATE_URLS"] = "Reelgate:Imaging:AllowPrivateUrls",
        ["REELGATE_DATABASE"] = "Reelgate:Database",
        ["REELGATE_WORKERS"] = "Reelgate:Workers:Count",
        ["REELGATE_PUBLIC_URL"] = "Reelgate:PublicUrl",
        ["REELGATE_TRUSTED_PROXIES"] = "Reelgate:TrustedProxies",
        ["REELGATE_ROLE"] = "Reelgate:Role",
        ["REELGATE_SIMULATION"] = "Reelgate:Simulation:Enabled",
        ["REELGATE_S3_URL"] = "Reelgate:S3:ServiceUrl",
        ["REELGATE_S3_BUCKET"] = "Reelgate:S3:Bucket",
        ["REELGATE_S3_ACCESS_KEY"] = "Reelgate:S3:AccessKey",
        ["REELGATE_S3_SECRET_KEY"] = "Reelgate:S3:SecretKey",
        ["REELGATE_S3_REGION"] = "Reelgate:S3:Region",
    };

    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static void AddReelgateAliases(this ConfigurationManager configuration)
    {
        var values = Map
            .Select(pair => (pair.Value, Environment.GetEnvironmentVariable(pair.Key)))
            .Where(pair => !string.IsNullOrEmpty(pair.Item2))
            .Select(pair => new KeyValuePair<string, string?>(pair.Value, pair.Item2));
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var commandLine = sources.ToList().FindIndex(s => s is CommandLineConfigurationSource);
        var aliases = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values.ToList() };
        if (commandLine >= 0)
        {
            sources.Insert(commandLine, aliases);
        }
        else
        {
            sources.Add(aliases);
        }
    }
}
