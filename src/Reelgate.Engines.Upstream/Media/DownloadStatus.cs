namespace Reelgate.Engines.Upstream.Media;

/// <summary>How a download of a provider's output ended.</summary>
public enum DownloadStatus
{
    Completed,

    /// <summary>The URL answered 404 or 410: the output is gone.</summary>
    NotFound,

    /// <summary>Larger than the engine's MaxOutputBytes (by Content-Length, or while reading).</summary>
    TooLarge,

    /// <summary>
    /// The link (or a redirect) leads where Reelgate does not fetch from: a loopback, private, link-local or reserved
    /// address the operator did not allow, a scheme other than http(s), or too many redirects. Trying again will not help.
    /// </summary>
    Refused,

    /// <summary>Another HTTP status or a broken transfer; trying again may work.</summary>
    Failed,
}
