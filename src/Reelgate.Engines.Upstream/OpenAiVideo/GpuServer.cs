namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>One GPU server of the pool: its root URL, how many jobs it runs at once, and what Reelgate has sent it.</summary>
public sealed class GpuServer(Uri baseUrl, int capacity)
{
    public Uri BaseUrl { get; } = baseUrl;

    public int Capacity { get; } = capacity;

    /// <summary>Jobs of this process on the server now (submitted and not yet finished).</summary>
    public int InFlight { get; internal set; }

    /// <summary>Taken out after a failed connect or health check; probed again at <see cref="ProbeAt"/>.</summary>
    public bool Ejected { get; internal set; }

    public DateTimeOffset ProbeAt { get; internal set; }

    public int Free => Capacity - InFlight;

    /// <summary>An absolute URL on this server ("v1/videos" → "http://gpu1:30000/v1/videos").</summary>
    public Uri At(string path) => new(new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/"), path.TrimStart('/'));
}
