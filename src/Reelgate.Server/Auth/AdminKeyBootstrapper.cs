using System.Data.Common;
using Microsoft.Extensions.Options;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Pricing;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Auth;

/// <summary>
/// On a first start with no admin key, creates one (REELGATE_ADMIN_KEY, or a random key printed once)
/// with the bootstrap credit, so the seed's cURL works at once. A configured key that is not yet stored
/// is added on any start.
/// </summary>
public sealed partial class AdminKeyBootstrapper(IKeyStore keys, IOptions<ReelgateOptions> options, TimeProvider time, ILogger<AdminKeyBootstrapper> logger)
{
    /// <summary>Returns the key when a random one was made (the caller prints it), else null.</summary>
    public async Task<string?> EnsureAdminKeyAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!KeySecrets.LooksLikeKey(configured))
            {
                throw new InvalidOperationException("REELGATE_ADMIN_KEY must be 9 to 256 characters without spaces");
            }

            if (await keys.FindByHashAsync(KeySecrets.Hash(configured), cancellationToken) is null)
            {
                try
                {
                    await CreateAsync(configured, cancellationToken);
                    var prefix = KeySecrets.DisplayPrefix(configured);
                    LogConfiguredKeyStored(logger, prefix);
                }
                catch (DbException)
                {
                    // Several nodes of one deployment starting together: another stored the same key first.
                    if (await keys.FindByHashAsync(KeySecrets.Hash(configured), cancellationToken) is null)
                    {
                        throw;
                    }
                }
            }

            return null;
        }

        if (await keys.AnyAdminAsync(cancellationToken))
        {
            return null;
        }

        var key = KeySecrets.NewKey();
        await CreateAsync(key, cancellationToken);
        return key;
    }

    private Task CreateAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = new ApiKey(Ids.New(Ids.KeyPrefix, now), "admin", KeySecrets.DisplayPrefix(key), null, true, now, null, KeyLimits.None);
        return keys.CreateAsync(new NewApiKey(record, KeySecrets.Hash(key), Money.Parse(options.Value.BootstrapCredits), WebhookSecrets.New()), now, cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Stored the configured admin key {Prefix}…")]
    private static partial void LogConfiguredKeyStored(ILogger logger, string prefix);
}
