namespace Reelgate.Imaging;

/// <summary>Settings of image inputs, bound from the <c>Reelgate:Imaging</c> section.</summary>
public sealed class ImagingOptions
{
    public const string SectionName = "Reelgate:Imaging";

    /// <summary>
    /// Lets image URLs point at loopback, RFC 1918 and CGNAT addresses: a developer's own machine only
    /// (env <c>REELGATE_ALLOW_PRIVATE_URLS</c>). Link-local and metadata addresses stay refused.
    /// </summary>
    public bool AllowPrivateUrls { get; set; }

    /// <summary>The whole fetch of a URL, redirects and a trickling body included (the contract's 10 s).</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Opening one TCP connection; the whole fetch still ends at <see cref="FetchTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Decoding, resizing and encoding one image; libvips is told to stop past it.</summary>
    public TimeSpan NormalizeTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Images decoded at once; each holds up to a few tens of MB of libvips buffers.</summary>
    public int MaxConcurrentDecodes { get; set; } = 2;

    /// <summary>
    /// Images that may wait for a decode slot; one more is refused at once (429, code <c>image_queue_full</c>)
    /// instead of queueing without bound while each waiting request holds its spooled file and a connection.
    /// </summary>
    public int MaxQueuedDecodes { get; set; } = 16;

    /// <summary>Where fetched and decoded files wait before they go to the blob store; the system temp folder when unset.</summary>
    public string? ScratchDirectory { get; set; }
}
