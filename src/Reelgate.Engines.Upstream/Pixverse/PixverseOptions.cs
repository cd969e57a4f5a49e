namespace Reelgate.Engines.Upstream.Pixverse;

/// <summary>PixVerse's platform API, section "Reelgate:Upstreams:Pixverse"; the key may come from
/// REELGATE_PIXVERSE_API_KEY (or, with a warning at start, PIXVERSE_API_KEY).</summary>
public sealed class PixverseOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:Pixverse";
    public const string KeyVariable = "REELGATE_PIXVERSE_API_KEY";
    public const string LegacyKeyVariable = "PIXVERSE_API_KEY";
    public const string DefaultBaseUrl = "https://app-api.pixverse.ai";

    public PixverseOptions()
    {
        BaseUrl = DefaultBaseUrl;

        // PixVerse limits concurrent generations per plan and asks for polls no faster than every few seconds.
        PollInterval = TimeSpan.FromSeconds(5);
        MaxPollInterval = TimeSpan.FromSeconds(20);
    }
}
