namespace Reelgate.Client.Models;

/// <summary>A key's new webhook signing secret (<c>whsec_…</c>), shown this once.</summary>
public sealed record WebhookSecretRotation(string KeyId, string WebhookSecret);
