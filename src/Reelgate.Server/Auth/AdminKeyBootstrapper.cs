using Microsoft.Extensions.Options;
using Reelgate.Core.Jobs;
using Reelgate.Core.Keys;
using Reelgate.Core.Ports;
using Reelgate.Core.Pricing;
using Reelgate.Core.Webhooks;
using Reelgate.Server.Configuration;

namespace Reelgate.Server.Auth;

/// <summary>
/// Makes sure the database has its bootstrap admin key: REELGATE_ADMIN_KEY when set (a different key set before
/// is revoked and replaced by it), else a random key printed once on the first start. The bootstrap credit
/// (Reelgate:BootstrapCredits) goes to the first bootstrap key of a database only; nodes starting together make
/// one key (the store decides atomically). The bootstrap key has no limits.
/// </summary>
public sealed partial class AdminKeyBootstrapper(
    IKeyStore keys, IOptions<ReelgateOptions> options, TimeProvider time, ILogger<AdminKeyBootstrapper> logger)
{
    /// <summary>Returns the key when a random one was made (the caller prints it), else null.</summary>
    public async Task<string?> EnsureAdminKeyAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.AdminKey;
        var isConfigured = !string.IsNullOrWhiteSpace(configured);
        if (isConfigured && !KeySecrets.LooksLikeKey(configured!))
        {
            throw new InvalidOperationException("REELGATE_ADMIN_KEY must be 32 to 256 characters without spaces");
        }

        var key = isConfigured ? configured! : KeySecrets.NewKey();
        var now = time.GetUtcNow();
        var record = new ApiKey(Ids.New(Ids.KeyPrefix, now), "admin", KeySecrets.DisplayPrefix(key), null, true, now, null, KeyLimits.None);
        var credit = Money.Parse(options.Value.BootstrapCredits);
        var outcome = await keys.BootstrapAdminAsync(
            new AdminBootstrap(new NewApiKey(record, KeySecrets.Hash(key), credit, WebhookSecrets.New()), isConfigured, credit, now),
            cancellationToken);
        var prefix = KeySecrets.DisplayPrefix(key);
        switch (outcome)
        {
            case AdminBootstrapOutcome.Created created when isConfigured:
                LogConfiguredKeyStored(logger, prefix, created.Credited ? credit.ToString() : "0");
                return null;
            case AdminBootstrapOutcome.Created:
                return key;
            case AdminBootstrapOutcome.Replaced replaced:
                LogConfiguredKeyReplaced(logger, prefix, replaced.PreviousKeyId);
                return null;
            case AdminBootstrapOutcome.ConfiguredKeyRevoked:
                LogConfiguredKeyRevoked(logger, prefix);
                return null;
            default:
                return null;
        }
    }

    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Information,
        Message = "Stored the configured admin key {Prefix}… with {Credit} USD of bootstrap credit")]
    private static partial void LogConfiguredKeyStored(ILogger logger, string prefix, string credit);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "REELGATE_ADMIN_KEY changed: stored the new admin key {Prefix}… and revoked the previous bootstrap key " +
                  "{PreviousKeyId} (no new bootstrap credit)")]
    private static partial void LogConfiguredKeyReplaced(ILogger logger, string prefix, string previousKeyId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "REELGATE_ADMIN_KEY {Prefix}… was revoked by an admin and stays revoked; set another key or use another admin key")]
    private static partial void LogConfiguredKeyRevoked(ILogger logger, string prefix);
}
