namespace Reelgate.Engines.Upstream.Replicate;

/// <summary>Replicate's predictions API, section "Reelgate:Upstreams:Replicate"; the token may come from REPLICATE_API_TOKEN.</summary>
public sealed class ReplicateOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:Replicate";
    public const string KeyVariable = "REPLICATE_API_TOKEN";
    public const string DefaultBaseUrl = "https://api.replicate.com";

    public ReplicateOptions()
    {
        BaseUrl = DefaultBaseUrl;
        PollInterval = TimeSpan.FromSeconds(2);
    }
}
