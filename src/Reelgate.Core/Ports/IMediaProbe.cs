using Reelgate.Core.Engines;

namespace Reelgate.Core.Ports;

/// <summary>Reads what a media file really holds (ffprobe).</summary>
public interface IMediaProbe
{
    Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken);
}
