namespace Reelgate.Engines.Upstream.Replicate;

/// <summary>Replicate's predictions API, section "Reelgate:Upstreams:Replicate"; the token may come
/// from REELGATE_REPLICATE_API_TOKEN (or, with a warning at start, REPLICATE_API_TOKEN).</summary>
public sealed class ReplicateOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:Replicate";
    public const string KeyVariable = "REELGATE_REPLICATE_API_TOKEN";
    public const string LegacyKeyVariable = "REPLICATE_API_TOKEN";
    public const string DefaultBaseUrl = "https://api.replicate.com";

    public ReplicateOptions()
    {
        BaseUrl = DefaultBaseUrl;
        PollInterval = TimeSpan.FromSeconds(2);
    }
}
