using Reelgate.Engines.Upstream.Media;
using Reelgate.Imaging.Media;

namespace Reelgate.Engines.Upstream;

/// <summary>What every provider engine shares: HTTP clients, the output downloader, posters, metrics and the clock.</summary>
public sealed class UpstreamRuntime(
    IHttpClientFactory clients,
    OutputDownloader downloader,
    PosterExtractor posters,
    EngineMetrics metrics,
    TimeProvider time)
{
    public IHttpClientFactory Clients { get; } = clients;

    public OutputDownloader Downloader { get; } = downloader;

    public PosterExtractor Posters { get; } = posters;

    public EngineMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;
}
