namespace Reelgate.Engines.Upstream.EmpirioLabs;

/// <summary>
/// EmpirioLabs (or any Reelgate-compatible service), section "Reelgate:Upstreams:EmpirioLabs"; the key may
/// come from REELGATE_EMPIRIOLABS_API_KEY. EMPIRIOLABS_API_KEY is not read: the hosted service's snippets (and this
/// README's) export the client's own key under that name.
/// </summary>
public sealed class EmpirioLabsOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:EmpirioLabs";
    public const string KeyVariable = "REELGATE_EMPIRIOLABS_API_KEY";
    public const string DefaultBaseUrl = "https://api.empiriolabs.ai";

    public EmpirioLabsOptions()
    {
        BaseUrl = DefaultBaseUrl;
        PollInterval = TimeSpan.FromSeconds(2);
    }

    /// <summary>How input images are sent: "DataUri" (default) or "Upload".</summary>
    public EmpirioLabsImageTransport ImageTransport { get; set; } = EmpirioLabsImageTransport.DataUri;
}
