using Microsoft.Extensions.Options;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Engines.Upstream;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Startup;

/// <summary>
/// Provider credentials at start: a credential read from a provider's own variable name (FAL_KEY, ...) is used with a
/// warning naming the Reelgate one; a credential that is one of this server's client keys (the admin key, or any key
/// in its store) stops the start, so a client key is never sent to a third party.
/// </summary>
public static partial class ProviderCredentialCheck
{
    /// <summary>Null when every configured credential may be used, else the line to print.</summary>
    public static async Task<string?> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var credentials = services.GetRequiredService<ProviderCredentials>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderCredentialCheck).FullName!);
        var adminKey = services.GetRequiredService<IOptions<ReelgateOptions>>().Value.AdminKey;
        var keys = services.GetRequiredService<IKeyStore>();
        foreach (var credential in credentials.Configured)
        {
            if (credential.IsLegacyName)
            {
                LegacyName(logger, credential.Engine, credential.Source, "REELGATE_" + credential.Source);
            }

            var ours = string.Equals(credential.Secret, adminKey, StringComparison.Ordinal)
                       || (ProviderCredentials.LooksLikeClientKey(credential.Secret)
                           && await keys.FindByHashAsync(KeySecrets.Hash(credential.Secret), cancellationToken) is not null);
            if (ours)
            {
                return $"{credential.Source} holds one of this server's own client keys, which would be sent to the " +
                       $"{credential.Engine} provider: set it to the credential the provider issued (EMPIRIOLABS_API_KEY is the " +
                       "client's variable, never read by the server)";
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "The {Engine} credential comes from {OldName}, a name kept for compatibility; set {NewName} instead")]
    private static partial void LegacyName(ILogger logger, string engine, string oldName, string newName);
}
