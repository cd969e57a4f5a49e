using System.Text.Json.Serialization;

namespace Reelgate.Client.Models;

/// <summary>The body of PUT /v1/keys/{id}/webhook: the key's default webhook URL, or null to clear it.</summary>
public sealed record KeyWebhookRequest([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Url);
