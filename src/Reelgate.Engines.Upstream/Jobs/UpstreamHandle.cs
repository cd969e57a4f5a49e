using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reelgate.Engines.Upstream.Jobs;

/// <summary>
/// A provider's job as Reelgate remembers it in the job's checkpoint: the provider's id, when it accepted the
/// job (the timeout runs from there, across restarts), and the URLs the provider answered with, if any.
/// </summary>
public sealed record UpstreamHandle(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accepted_at")] DateTimeOffset AcceptedAt,
    [property: JsonPropertyName("status_url")] string? StatusUrl = null,
    [property: JsonPropertyName("result_url")] string? ResultUrl = null,
    [property: JsonPropertyName("cancel_url")] string? CancelUrl = null)
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Serialize() => JsonSerializer.Serialize(this, Options);

    /// <summary>The handle in a checkpoint; a bare id (not JSON) is taken as the id, accepted now.</summary>
    public static UpstreamHandle? Parse(string? saved, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(saved))
        {
            return null;
        }

        if (!saved.StartsWith('{'))
        {
            return new UpstreamHandle(saved, now);
        }

        try
        {
            var handle = JsonSerializer.Deserialize<UpstreamHandle>(saved, Options);
            return handle is { Id.Length: > 0 } ? handle : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
