namespace Reelgate.Client.Models;

/// <summary>The body of POST /v1/keys: a name, optional starting credits (USD), admin role, owner and limits.</summary>
public sealed record CreateKeyRequest
{
    public required string Name { get; init; }

    public decimal? Credits { get; init; }

    public bool? Admin { get; init; }

    public string? Owner { get; init; }

    public KeyLimits? Limits { get; init; }

    /// <summary>The key's default webhook URL, used when a request names none.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Worker slots relative to other keys (1 to 100; 1 when absent).</summary>
    public int? Weight { get; init; }

    /// <summary>A test key: simulated faults work for its jobs even where the server has simulation off.</summary>
    public bool? Test { get; init; }
}
