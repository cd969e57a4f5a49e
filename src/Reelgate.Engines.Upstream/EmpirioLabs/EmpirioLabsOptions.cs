namespace Reelgate.Engines.Upstream.EmpirioLabs;

/// <summary>
/// EmpirioLabs (or any Reelgate-compatible service), section "Reelgate:Upstreams:EmpirioLabs"; the key may
/// come from EMPIRIOLABS_API_KEY.
/// </summary>
public sealed class EmpirioLabsOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:EmpirioLabs";
    public const string KeyVariable = "EMPIRIOLABS_API_KEY";
    public const string DefaultBaseUrl = "https://api.empiriolabs.ai";

    public EmpirioLabsOptions()
    {
        BaseUrl = DefaultBaseUrl;
        PollInterval = TimeSpan.FromSeconds(2);
    }

    /// <summary>How input images are sent: "DataUri" (default) or "Upload".</summary>
    public EmpirioLabsImageTransport ImageTransport { get; set; } = EmpirioLabsImageTransport.DataUri;
}
