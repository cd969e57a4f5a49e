namespace Reelgate.Engines.Upstream.Fal;

/// <summary>fal's queue API, section "Reelgate:Upstreams:Fal"; the key may come from
/// REELGATE_FAL_KEY (or, with a warning at start, FAL_KEY).</summary>
public sealed class FalOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:Fal";
    public const string KeyVariable = "REELGATE_FAL_KEY";
    public const string LegacyKeyVariable = "FAL_KEY";
    public const string DefaultBaseUrl = "https://queue.fal.run";

    public FalOptions()
    {
        BaseUrl = DefaultBaseUrl;
        PollInterval = TimeSpan.FromSeconds(2);
    }
}
