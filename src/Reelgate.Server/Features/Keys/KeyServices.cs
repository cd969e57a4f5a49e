using Microsoft.Extensions.Options;
using Reelgate.Core.Ports;
using Reelgate.Server.Auth;
using Reelgate.Server.Configuration;
using Reelgate.Server.Webhooks;

namespace Reelgate.Server.Features.Keys;

/// <summary>What creating a key or setting its webhook uses, as one [AsParameters] record.</summary>
public sealed record KeyServices(
    IKeyStore Keys,
    IWebhookStore Webhooks,
    WebhookUrlGuard WebhookGuard,
    ApiKeyCache Cache,
    IOptions<KeyLimitDefaultsOptions> Defaults,
    TimeProvider Time);
