namespace Reelgate.Engines.Upstream.Media;

/// <summary>
/// How providers' outputs are fetched, bound from <c>Reelgate:Upstreams:Outputs</c>. Output links come from the
/// provider's answers, so they are fetched like a user's URL: public addresses only (every redirect checked again),
/// except for the hosts the operator names here.
/// </summary>
public sealed class OutputFetchOptions
{
    public const string SectionName = "Reelgate:Upstreams:Outputs";

    /// <summary>
    /// Hosts of output links that may resolve to loopback, private or CGNAT addresses (an on-premises provider, or a
    /// test's fake on 127.0.0.1), as the URL spells them. Empty by default: outputs come from public addresses only.
    /// </summary>
    public List<string> PrivateHosts { get; set; } = [];

    /// <summary>Redirects followed from an output link, each hop checked again.</summary>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Opening one TCP connection to an output's host.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
