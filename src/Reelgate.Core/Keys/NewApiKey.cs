using Reelgate.Core.Pricing;

namespace Reelgate.Core.Keys;

/// <summary>A key about to be stored: its hash, its starting credit, and the secret that signs its webhooks.</summary>
public sealed record NewApiKey(ApiKey Key, string Hash, Money InitialCredits, string? WebhookSecret = null);
